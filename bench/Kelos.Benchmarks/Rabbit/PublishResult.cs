namespace Kelos.Benchmarks.Rabbit;

/// <summary>Confirmed publishes at one level of concurrency: the rate, and the time from publish to confirm in ms.</summary>
internal sealed record PublishResult(int InFlight, int Messages, int MessageBytes, TimeSpan Elapsed, double P50, double P99, double Max)
{
    public double PerSecond => Messages / Elapsed.TotalSeconds;
}
