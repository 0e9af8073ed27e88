namespace Kelos.Cli.Hosting.Bus;

/// <summary>The redelivery queues for the configured delays; a delay is served by the first queue that waits as long.</summary>
internal sealed class RedeliveryQueues(IReadOnlyList<TimeSpan> delays)
{
    private readonly RedeliveryQueue[] _queues = [.. delays.Distinct().Order().Select(RedeliveryQueue.For)];

    public IReadOnlyList<RedeliveryQueue> All => _queues;

    /// <summary>The queue for <paramref name="delay"/>: the shortest that waits at least that long, else the longest.</summary>
    public RedeliveryQueue For(TimeSpan delay) => _queues.FirstOrDefault(q => q.Delay >= delay) ?? _queues[^1];
}
