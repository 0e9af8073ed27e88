namespace Kelos.Runtime.Local.State;

/// <summary>
/// Leadership over a state directory: an exclusive lock on <c>controller.lock</c>. A second <c>kelos serve</c>
/// (or a <c>kelos run</c> that would run its Task in-process) waits; a crashed holder's lock is freed by the kernel.
/// </summary>
public sealed class FileControllerLease(StateDirectory state) : Kelos.Core.Runtime.IControllerLease
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(200);

    public async Task<IDisposable> AcquireAsync(Action onWaiting, CancellationToken cancellationToken)
    {
        var told = false;
        while (true)
        {
            if (FileLock.TryAcquire(state.ControllerLockFile) is { } held)
            {
                return held;
            }

            if (!told)
            {
                onWaiting();
                told = true;
            }

            await Task.Delay(Retry, cancellationToken);
        }
    }

    /// <summary>True when some process leads now (the CLI then leaves running to it).</summary>
    public bool IsHeldElsewhere()
    {
        using var probe = FileLock.TryAcquire(state.ControllerLockFile);
        return probe is null;
    }
}
