namespace Kelos.Testing.Kubernetes;

/// <summary>Failures and delays a test asked for; guarded by the store's lock.</summary>
internal sealed class CallKnobs
{
    public int FailedCalls { get; set; }

    public int FailStatus { get; set; }

    public string? FailPathPrefix { get; set; }

    public string? FailMethod { get; set; }

    public int DelayedCalls { get; set; }

    public TimeSpan Delay { get; set; }

    public string? DelayPathPrefix { get; set; }

    /// <summary>The failure due for this call, if any (and counts it).</summary>
    public int? TakeFailure(string method, string path)
    {
        if (FailedCalls > 0
            && (FailPathPrefix is null || path.StartsWith(FailPathPrefix, StringComparison.Ordinal))
            && (FailMethod is null || string.Equals(FailMethod, method, StringComparison.OrdinalIgnoreCase)))
        {
            FailedCalls--;
            return FailStatus;
        }

        return null;
    }

    /// <summary>The delay due for this call, if any (and counts it).</summary>
    public TimeSpan? TakeDelay(string path)
    {
        if (DelayedCalls > 0 && (DelayPathPrefix is null || path.StartsWith(DelayPathPrefix, StringComparison.Ordinal)))
        {
            DelayedCalls--;
            return Delay;
        }

        return null;
    }
}
