namespace Kelos.Benchmarks.Rabbit;

/// <summary>Confirmed publishes at one level of concurrency: the rate, and the time from publish to confirm in ms.</summary>
internal sealed record PublishResult(int InFlight, int Messages, int MessageBytes, TimeSpan Elapsed, double P50, double P99, double Max)
{
    /// <summary>CPU of the broker while measured, in % of one core, when known.</summary>
    public double? BrokerCpuPercent { get; init; }

    /// <summary>CPU of this publisher while measured, in % of one core.</summary>
    public double? PublisherCpuPercent { get; init; }

    public double PerSecond => Messages / Elapsed.TotalSeconds;
}
