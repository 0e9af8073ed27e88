using k8s;
using Kelos.Core.Resources;
using Kelos.Core.Text;
using k8s.Models;
using Kelos.Core.Runtime;
using Kelos.Runtime.Kubernetes.Api;
using Kelos.Runtime.Kubernetes.Tokens;
using Microsoft.Extensions.Logging;

namespace Kelos.Runtime.Kubernetes.Runs;

/// <summary>
/// Cluster mode's runtime: a Task runs as the Job <see cref="TaskJobBuilder"/> makes, with its per-Task Secret.
/// Submitting is idempotent (an existing Job of the same Task is adopted, so a restarted controller re-attaches
/// and never runs the agent twice); the Job and its pod are followed to a <see cref="JobVerdict"/>; results come
/// from the outputs block at the end of the <c>kelos-agent</c> log. Cancelling deletes the Job with its pods. While
/// the Job runs, a GitHub App token in the per-Task Secret is minted again before it expires (<see cref="TaskTokenRefresher"/>).
/// </summary>
public sealed class KubernetesTaskRuntime : ITaskRuntime
{
    private const int InitLogLines = 10;

    private readonly IKubernetes _client;
    private readonly string _namespace;
    private readonly AgentImages _images;
    private readonly ILogger<KubernetesTaskRuntime> _logger;
    private readonly ApiRetry _retry;
    private readonly TaskSecretWriter _secrets;
    private readonly JobFollower _follower;
    private readonly AgentLogReader _logs;
    private readonly TaskLogMasks _masks;
    private readonly TaskTokenRefresher _refresher;

    public KubernetesTaskRuntime(
        IKubernetes client, string @namespace, AgentImages images, TimeProvider time, ILogger<KubernetesTaskRuntime> logger, IGitHubTokenIssuer? tokens = null,
        TokenRefreshSchedule? tokenRefresh = null)
    {
        _client = client;
        _namespace = @namespace;
        _images = images;
        _logger = logger;
        _retry = new ApiRetry(time);
        _secrets = new TaskSecretWriter(client, _retry, tokens, time);
        _refresher = new TaskTokenRefresher(client, @namespace, _retry, tokens, tokenRefresh ?? TokenRefreshSchedule.Default, time, logger);
        _follower = new JobFollower(client, @namespace, _retry);
        _logs = new AgentLogReader(client, @namespace, _retry);
        _masks = new TaskLogMasks(client, @namespace, _retry);
    }

    public bool SurvivesRestart => true;

    public async Task<TaskRunResult> RunAsync(TaskRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Task.Name;
        using var following = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, request.Detach);
        try
        {
            var input = TaskJobInput.From(request, _images, _namespace);
            V1Job job;
            try
            {
                job = TaskJobBuilder.Build(input);
            }
            catch (TaskJobException e)
            {
                return TaskRunResult.Failure(e.Message);
            }

            await _secrets.EnsureAsync(input, request, following.Token);
            if (await SubmitAsync(job, request.Task.Metadata.Uid, following.Token) is { } refusal)
            {
                return TaskRunResult.Failure(refusal);
            }

            var verdict = await FollowWithFreshTokenAsync(input, request, following.Token);
            return await ResultAsync(request.Task, verdict, following.Token);
        }
        catch (TaskRunProblem problem)
        {
            return TaskRunResult.Failure(problem.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await DeleteJobAsync(name);
            return new TaskRunResult(TaskRunOutcome.Cancelled, "Cancelled", [], new Dictionary<string, string>());
        }
    }

    /// <summary>Follows the Job to its verdict while the GitHub token is kept fresh; the refresher stops with the run.</summary>
    private async Task<JobVerdict> FollowWithFreshTokenAsync(TaskJobInput input, TaskRunRequest request, CancellationToken cancellationToken)
    {
        using var refreshing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var refresher = input.UsesGitHubToken ? _refresher.KeepFreshAsync(request, refreshing.Token) : Task.CompletedTask;
        try
        {
            return await _follower.FollowAsync(request.Task.Name, cancellationToken);
        }
        finally
        {
            await refreshing.CancelAsync();
            await refresher;
        }
    }

    /// <summary>Creates the Job, or adopts the one this Task already has; a refusal when the name is taken by something else.</summary>
    private async Task<string?> SubmitAsync(V1Job job, string taskUid, CancellationToken cancellationToken)
    {
        try
        {
            await _retry.RunAsync(t => _client.BatchV1.CreateNamespacedJobAsync(job, _namespace, cancellationToken: t), cancellationToken);
            _logger.LogInformation("Job {JobName} created", job.Metadata.Name);
            return null;
        }
        catch (Exception e) when (ApiErrors.IsConflict(e))
        {
            var existing = await _retry.RunAsync(t => _client.BatchV1.ReadNamespacedJobAsync(job.Metadata.Name, _namespace, cancellationToken: t), cancellationToken);
            if (existing.Metadata.OwnerReferences?.Any(o => o.Uid == taskUid) == true)
            {
                _logger.LogInformation("Job {JobName} exists; following it", job.Metadata.Name);
                return null;
            }

            return $"A Job named {job.Metadata.Name} exists in namespace {_namespace} and does not belong to this Task; delete it or rename the Task";
        }
    }

    private async Task<TaskRunResult> ResultAsync(KelosTask task, JobVerdict verdict, CancellationToken cancellationToken)
    {
        var name = task.Name;
        if (verdict.Stuck)
        {
            await DeleteJobAsync(name);
        }

        var outputs = verdict.Pod is { } pod && verdict.LogContainer is null && !verdict.Stuck
            ? await _logs.OutputsAsync(pod, cancellationToken)
            : null;
        var message = verdict.Message ?? "The agent finished";
        if (verdict.Pod is { } failedPod && verdict.LogContainer is { } container)
        {
            var lines = await _logs.TailAsync(failedPod, container, InitLogLines, cancellationToken);
            if (lines.Count > 0 && await MaskOrNullAsync(task, cancellationToken) is { } mask)
            {
                // The message goes into the Task's status, an Event and the comment on GitHub: masked like the log.
                message += ":\n" + string.Join('\n', lines.Select(mask.Apply));
            }
        }

        return new TaskRunResult(
            verdict.Succeeded ? TaskRunOutcome.Succeeded : TaskRunOutcome.Failed,
            message,
            outputs?.Outputs ?? [],
            outputs?.Results ?? new Dictionary<string, string>());
    }

    /// <summary>The mask of the Task's secrets, or null (and no log lines shown) when a Secret cannot be read.</summary>
    private async Task<SecretMask?> MaskOrNullAsync(KelosTask task, CancellationToken cancellationToken)
    {
        try
        {
            return await _masks.ForAsync(task, cancellationToken);
        }
        catch (TaskLogException e)
        {
            _logger.LogWarning("The last log lines of Task {TaskName} are left out of its message: {Reason}", task.Name, e.Message);
            return null;
        }
    }

    /// <summary>Deletes the Job and its pods (Background: the API server's default for Jobs would orphan the pods).</summary>
    private async Task DeleteJobAsync(string name)
    {
        try
        {
            await _retry.RunAsync(
                t => _client.BatchV1.DeleteNamespacedJobAsync(name, _namespace, propagationPolicy: "Background", cancellationToken: t),
                CancellationToken.None);
            _logger.LogInformation("Job {JobName} deleted", name);
        }
        catch (Exception e) when (ApiErrors.IsNotFound(e))
        {
            // Already gone (the Task was deleted and took it along).
        }
    }

    public void CleanUpAfterCrash(string taskName) => Task.Run(() => DeleteJobAsync(taskName)).GetAwaiter().GetResult();

    /// <summary>The Jobs Kelos made for Tasks in the namespace.</summary>
    public IReadOnlyList<string> RunNames()
    {
        var selector = $"{Core.Resources.KelosAnnotations.ManagedByLabel}={TaskOwnership.ManagedBy},{TaskOwnership.ComponentLabel}={TaskOwnership.AgentComponent}";
        var jobs = Task.Run(() => _retry.RunAsync(t => _client.BatchV1.ListNamespacedJobAsync(_namespace, labelSelector: selector, cancellationToken: t), CancellationToken.None))
            .GetAwaiter().GetResult();
        return [.. jobs.Items.Select(j => j.Metadata.Name)];
    }

    /// <summary>
    /// Removes what the runtime made for a deleted Task (the cleanup finalizer, or a Job left without its Task): the
    /// Job with its pods and the per-Task Secret. The owner references would take them too once the Task goes; deleting
    /// them here stops the agent before the Task's finalizer comes off.
    /// </summary>
    public void Forget(string taskName) => Task.Run(async () =>
    {
        await DeleteJobAsync(taskName);
        await DeleteSecretAsync(TaskSecretBuilder.NameFor(taskName));
    }).GetAwaiter().GetResult();

    private async Task DeleteSecretAsync(string name)
    {
        try
        {
            await _retry.RunAsync(t => _client.CoreV1.DeleteNamespacedSecretAsync(name, _namespace, cancellationToken: t), CancellationToken.None);
            _logger.LogInformation("Secret {SecretName} deleted", name);
        }
        catch (Exception e) when (ApiErrors.IsNotFound(e))
        {
            // The Task had none, or it is gone already.
        }
    }
}
