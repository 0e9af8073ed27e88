namespace Kelos.Benchmarks.Load;

/// <summary>How a rate sweep runs: the rates in order, each for the same time, with a pause between them.</summary>
internal sealed record LoadSettings(
    IReadOnlyList<int> Rates,
    TimeSpan StepDuration,
    TimeSpan Warmup,
    TimeSpan Pause,
    double P99BoundMs,
    int MaxConnections,
    TimeSpan RequestTimeout,
    string FixturePath);
