using k8s;
using k8s.Models;
using Kelos.Core.Runtime;
using Kelos.Runtime.Kubernetes.Api;
using Microsoft.Extensions.Logging;

namespace Kelos.Runtime.Kubernetes.Runs;

/// <summary>
/// Cluster mode's runtime: a Task runs as the Job <see cref="TaskJobBuilder"/> makes, with its per-Task Secret.
/// Submitting is idempotent (an existing Job of the same Task is adopted, so a restarted controller re-attaches
/// and never runs the agent twice); the Job and its pod are followed to a <see cref="JobVerdict"/>; results come
/// from the outputs block at the end of the <c>kelos-agent</c> log. Cancelling deletes the Job with its pods.
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

    public KubernetesTaskRuntime(
        IKubernetes client, string @namespace, AgentImages images, TimeProvider time, ILogger<KubernetesTaskRuntime> logger, IGitHubTokenIssuer? tokens = null)
    {
        _client = client;
        _namespace = @namespace;
        _images = images;
        _logger = logger;
        _retry = new ApiRetry(time);
        _secrets = new TaskSecretWriter(client, _retry, tokens);
        _follower = new JobFollower(client, @namespace, _retry);
        _logs = new AgentLogReader(client, @namespace, _retry);
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

            var verdict = await _follower.FollowAsync(name, following.Token);
            return await ResultAsync(name, verdict, following.Token);
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

    private async Task<TaskRunResult> ResultAsync(string name, JobVerdict verdict, CancellationToken cancellationToken)
    {
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
            if (lines.Count > 0)
            {
                message += ":\n" + string.Join('\n', lines);
            }
        }

        return new TaskRunResult(
            verdict.Succeeded ? TaskRunOutcome.Succeeded : TaskRunOutcome.Failed,
            message,
            outputs?.Outputs ?? [],
            outputs?.Results ?? new Dictionary<string, string>());
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

    /// <summary>Nothing to do: the Job, its pods and the per-Task Secret are owned by the Task and go with it.</summary>
    public void Forget(string taskName)
    {
    }
}
