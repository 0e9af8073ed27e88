namespace Kelos.Core.Runtime;

/// <summary>
/// Leadership: only one controller acts on a store at a time (a file lock in embedded mode, a Lease on a
/// cluster). Held until disposed or the process ends.
/// </summary>
public interface IControllerLease
{
    /// <summary>Waits until this process leads; <paramref name="onWaiting"/> is told once if it must wait.</summary>
    Task<IDisposable> AcquireAsync(Action onWaiting, CancellationToken cancellationToken);
}
