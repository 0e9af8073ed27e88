using k8s;
using Kelos.Agents;
using Kelos.Runtime.Kubernetes.Api;

namespace Kelos.Runtime.Kubernetes.Runs;

/// <summary>Reads the end of a container's log: the outputs block from <c>kelos-agent</c>, the last lines of a failed init container.</summary>
internal sealed class AgentLogReader(IKubernetes client, string @namespace, ApiRetry retry)
{
    /// <summary>Lines read for the outputs block: the block plus room for several pull requests and a long answer line.</summary>
    public const int OutputTailLines = 200;

    /// <summary>The last lines of <paramref name="container"/>'s log, or none when it cannot be read (never started, pod gone).</summary>
    public async Task<IReadOnlyList<string>> TailAsync(string pod, string container, int lines, CancellationToken cancellationToken)
    {
        try
        {
            var text = await retry.RunAsync(async t =>
            {
                await using var stream = await client.CoreV1.ReadNamespacedPodLogAsync(pod, @namespace, container: container, tailLines: lines, cancellationToken: t);
                using var reader = new StreamReader(stream);
                return await reader.ReadToEndAsync(t);
            }, cancellationToken);
            return text.Length == 0 ? [] : [.. text.TrimEnd('\n').Split('\n').Select(l => l.TrimEnd('\r'))];
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return [];
        }
    }

    /// <summary>The outputs block at the end of the agent's log, or null when it printed none.</summary>
    public async Task<OutputsBlockResult?> OutputsAsync(string pod, CancellationToken cancellationToken) =>
        OutputsBlock.ParseLast(await TailAsync(pod, PodLayout.AgentContainer, OutputTailLines, cancellationToken));
}
