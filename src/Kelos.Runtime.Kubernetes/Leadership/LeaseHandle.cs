namespace Kelos.Runtime.Kubernetes.Leadership;

/// <summary>
/// Held leadership: renews the Lease in the background until disposed (then releases it) or lost (then
/// <see cref="Lost"/> fires). A renewal that cannot reach the server keeps trying until the Lease would have
/// expired; past that, another replica may lead, so it counts as lost.
/// </summary>
public sealed class LeaseHandle : IDisposable
{
    private readonly LeaseControllerLease _lease;
    private readonly CancellationTokenSource _stop;
    private readonly CancellationTokenSource _lost = new();
    private readonly Task _renewing;

    internal LeaseHandle(LeaseControllerLease lease, CancellationToken cancellationToken)
    {
        _lease = lease;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _renewing = Task.Run(() => RenewAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>Fires when another replica took the Lease.</summary>
    public CancellationToken Lost => _lost.Token;

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        var time = _lease.Time;
        var lastRenewed = time.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_lease.RenewInterval, time, cancellationToken);
                if (await _lease.TryTakeAsync(cancellationToken))
                {
                    lastRenewed = time.GetUtcNow();
                    continue;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception) when (time.GetUtcNow() - lastRenewed < _lease.LeaseDuration)
            {
                // The server did not answer; the Lease is still ours until it expires.
                continue;
            }
            catch (Exception)
            {
                // Unreachable for longer than the Lease lasts: another replica may have taken it.
            }

            _lost.Cancel();
            _lease.OnLost();
            return;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _renewing.GetAwaiter().GetResult();
        if (!_lost.IsCancellationRequested)
        {
            Task.Run(_lease.ReleaseAsync).GetAwaiter().GetResult();
        }

        _stop.Dispose();
        _lost.Dispose();
    }
}
