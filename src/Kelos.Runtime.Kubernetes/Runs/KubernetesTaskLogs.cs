using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using Kelos.Agents;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Core.Text;
using Kelos.Runtime.Kubernetes.Api;
using Kelos.Runtime.Kubernetes.Store;
using Microsoft.Extensions.Logging;

namespace Kelos.Runtime.Kubernetes.Runs;

/// <summary>
/// A Task's log on a cluster: the <c>kelos-agent</c> container of the Task's pod (label <c>kelos.dev/task</c>), with every
/// secret the pod can see masked (<see cref="TaskLogMasks"/>) and, for people, formatted by the same
/// <see cref="AgentLogFormatter"/> as embedded mode. The init containers (clone, branch, files) are Kelos's own steps,
/// read when the agent never started. Serves the reporter (<see cref="ITaskLogs"/>) and <c>kelos logs [-f]</c>.
/// </summary>
public sealed class KubernetesTaskLogs : ITaskLogs
{
    /// <summary>Raw lines read for a tail: an agent's stream has many lines per readable one.</summary>
    public const int RawTailLines = 2000;

    private static readonly TimeSpan StartPoll = TimeSpan.FromSeconds(1);

    private readonly IKubernetes _client;
    private readonly string _namespace;
    private readonly TimeProvider _time;
    private readonly ILogger<KubernetesTaskLogs> _logger;
    private readonly ApiRetry _retry;
    private readonly TaskLogMasks _masks;

    public KubernetesTaskLogs(IKubernetes client, string @namespace, TimeProvider time, ILogger<KubernetesTaskLogs> logger)
    {
        _client = client;
        _namespace = @namespace;
        _time = time;
        _logger = logger;
        _retry = new ApiRetry(time);
        _masks = new TaskLogMasks(client, @namespace, _retry);
    }

    /// <summary>
    /// The last <paramref name="lines"/> readable lines of the agent's log, else of the init containers; none when the
    /// Task, its pod or its Secrets cannot be read (the reporter then posts without them; the reason is logged).
    /// </summary>
    public async Task<IReadOnlyList<string>> TailAsync(KelosTaskRef task, int lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        try
        {
            if (await FindTaskAsync(task.Name, cancellationToken) is not { } found || await FindPodAsync(task.Name, cancellationToken) is not { } pod)
            {
                return [];
            }

            var mask = await _masks.ForAsync(found, cancellationToken);
            var formatter = new AgentLogFormatter(task.AgentType);
            var raw = Started(pod, PodLayout.AgentContainer) ? await ReadAsync(pod, PodLayout.AgentContainer, RawTailLines, cancellationToken) : [];
            var readable = raw.SelectMany(line => formatter.Format(mask.Apply(line))).Select(mask.Apply).ToList();
            if (readable.Count == 0)
            {
                readable = [.. await InitLinesAsync(pod, mask, cancellationToken)];
            }

            return readable.Count <= lines ? readable : readable[^lines..];
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Cannot read the log of Task {TaskName}: {Reason}", task.Name, e.Message);
            return [];
        }
    }

    /// <summary>
    /// The agent's log as it printed it, line by line, secrets masked. With <paramref name="follow"/>, waits for the
    /// container to start and streams until it ends; without, what is there now (nothing before it started). Ends at
    /// once when the Task has no pod and will not get one (finished, or gone).
    /// </summary>
    /// <exception cref="TaskLogException">The Task does not exist, or a Secret to mask with cannot be read.</exception>
    public async IAsyncEnumerable<string> AgentLinesAsync(string taskName, bool follow, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var task = await FindTaskAsync(taskName, cancellationToken) ?? throw new TaskLogException($"task \"{taskName}\" not found");
        while (true)
        {
            var pod = await FindPodAsync(taskName, cancellationToken);
            if (pod is not null && Started(pod, PodLayout.AgentContainer))
            {
                // Read once the agent runs: its per-Task Secret (the token) exists by then, not before the Job.
                var mask = await _masks.ForAsync(task, cancellationToken);
                await foreach (var line in StreamAsync(pod.Metadata.Name, follow, cancellationToken))
                {
                    yield return mask.Apply(line);
                }

                yield break;
            }

            if (!follow || (pod is not null && PodFinished(pod)) || await Finished(taskName, cancellationToken))
            {
                yield break;
            }

            await Task.Delay(StartPoll, _time, cancellationToken);
        }
    }

    /// <summary>Kelos's own steps: each init container's log, its lines prefixed with <c>[name]</c>, secrets masked.</summary>
    /// <exception cref="TaskLogException">The Task does not exist, or a Secret to mask with cannot be read.</exception>
    public async Task<IReadOnlyList<string>> InitLinesAsync(string taskName, CancellationToken cancellationToken)
    {
        var task = await FindTaskAsync(taskName, cancellationToken) ?? throw new TaskLogException($"task \"{taskName}\" not found");
        var pod = await FindPodAsync(taskName, cancellationToken);
        return pod is null ? [] : await InitLinesAsync(pod, await _masks.ForAsync(task, cancellationToken), cancellationToken);
    }

    private async Task<IReadOnlyList<string>> InitLinesAsync(V1Pod pod, SecretMask mask, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var container in pod.Spec.InitContainers ?? [])
        {
            if (Started(pod, container.Name))
            {
                lines.AddRange((await ReadAsync(pod, container.Name, RawTailLines, cancellationToken)).Where(l => l.Length > 0).Select(l => $"[{container.Name}] {mask.Apply(l)}"));
            }
        }

        return lines;
    }

    private async IAsyncEnumerable<string> StreamAsync(string pod, bool follow, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Stream stream;
        try
        {
            stream = await _retry.RunAsync(t => _client.CoreV1.ReadNamespacedPodLogAsync(pod, _namespace, container: PodLayout.AgentContainer, follow: follow, cancellationToken: t), cancellationToken);
        }
        catch (Exception e) when (ApiErrors.IsNotFound(e))
        {
            yield break;
        }

        await using (stream)
        {
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                yield return line;
            }
        }
    }

    private async Task<IReadOnlyList<string>> ReadAsync(V1Pod pod, string container, int tailLines, CancellationToken cancellationToken)
    {
        try
        {
            var text = await _retry.RunAsync(async t =>
            {
                await using var stream = await _client.CoreV1.ReadNamespacedPodLogAsync(pod.Metadata.Name, _namespace, container: container, tailLines: tailLines, cancellationToken: t);
                using var reader = new StreamReader(stream);
                return await reader.ReadToEndAsync(t);
            }, cancellationToken);
            return text.Length == 0 ? [] : [.. text.TrimEnd('\n').Split('\n').Select(l => l.TrimEnd('\r'))];
        }
        catch (Exception e) when (ApiErrors.IsNotFound(e))
        {
            return [];
        }
    }

    private async Task<KelosTask?> FindTaskAsync(string name, CancellationToken cancellationToken) =>
        await new ResourceRoutes(_client, _namespace, _retry).GetAsync(ResourceKinds.Task, name, cancellationToken) as KelosTask;

    private async Task<bool> Finished(string name, CancellationToken cancellationToken) =>
        await FindTaskAsync(name, cancellationToken) is not { } task || TaskPhase.IsFinished(task.Status?.Phase);

    /// <summary>The Task's newest pod (a Job that replaced a failed pod has several).</summary>
    private async Task<V1Pod?> FindPodAsync(string taskName, CancellationToken cancellationToken)
    {
        var pods = await _retry.RunAsync(t => _client.CoreV1.ListNamespacedPodAsync(_namespace, labelSelector: $"{KelosAnnotations.TaskLabel}={taskName}", cancellationToken: t), cancellationToken);
        return pods.Items.OrderBy(p => p.Metadata.CreationTimestamp).ThenBy(p => p.Metadata.Name, StringComparer.Ordinal).LastOrDefault();
    }

    private static bool Started(V1Pod pod, string container)
    {
        var status = (pod.Status?.ContainerStatuses ?? []).Concat(pod.Status?.InitContainerStatuses ?? []).FirstOrDefault(s => s.Name == container);
        return status?.State?.Running is not null || status?.State?.Terminated is not null;
    }

    private static bool PodFinished(V1Pod pod) => pod.Status?.Phase is "Succeeded" or "Failed";
}
