namespace Kelos.Testing.GitHub;

/// <summary>Failures a test asked for; guarded by <see cref="StandInState.Gate"/>.</summary>
internal sealed class StandInKnobs
{
    public int ThrottledCalls { get; set; }

    public TimeSpan? ThrottleRetryAfter { get; set; }

    public int FailedCalls { get; set; }

    public int FailStatus { get; set; }

    public string? FailPathPrefix { get; set; }

    public string? FailMethod { get; set; }

    public DateTimeOffset? RateLimitExhaustedUntil { get; set; }

    public int DelayedCalls { get; set; }

    public TimeSpan Delay { get; set; }

    public string? DelayPathPrefix { get; set; }

    public List<StandInHold> Holds { get; } = [];
}
