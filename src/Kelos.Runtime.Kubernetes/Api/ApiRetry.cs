namespace Kelos.Runtime.Kubernetes.Api;

/// <summary>
/// Retries one API call on transient failures (5xx, 429, timeouts, dropped connections) with exponential
/// backoff; anything else (404, 409, 422) goes straight back to the caller, who knows what it means.
/// </summary>
public sealed class ApiRetry(TimeProvider time)
{
    /// <summary>Attempts before the last failure is thrown.</summary>
    public int Attempts { get; init; } = 6;

    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (Exception e) when (attempt < Attempts && ApiErrors.IsTransient(e, cancellationToken))
            {
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    public Task RunAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return RunAsync(async token => { await call(token); return true; }, cancellationToken);
    }
}
