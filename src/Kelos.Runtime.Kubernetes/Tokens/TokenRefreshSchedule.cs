namespace Kelos.Runtime.Kubernetes.Tokens;

/// <summary>
/// When a running Task's GitHub App installation token is minted again. An installation token lasts an hour; by
/// default a new one replaces it 45 minutes after it was minted, leaving 15 minutes for retries (every minute) when
/// GitHub does not answer. Measured on the <see cref="TimeProvider"/> the runtime is given.
/// </summary>
/// <param name="Every">How long after minting a token the next one is minted.</param>
/// <param name="RetryAfter">How long after a failed mint the next try comes; the old token stays meanwhile.</param>
public sealed record TokenRefreshSchedule(TimeSpan Every, TimeSpan RetryAfter)
{
    public static TokenRefreshSchedule Default { get; } = new(TimeSpan.FromMinutes(45), TimeSpan.FromMinutes(1));
}
