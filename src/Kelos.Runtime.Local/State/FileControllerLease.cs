namespace Kelos.Runtime.Local.State;

/// <summary>
/// Leadership over a state directory: an exclusive lock on <c>controller.lock</c>. A second <c>kelos serve</c>
/// (or a <c>kelos run</c> that runs its Task in-process) waits; a crashed holder's lock is freed by the kernel.
/// The holder writes its role (<c>serve</c> or <c>run</c>) beside the lock, so the CLI knows whether a
/// long-running server will see its Task through.
/// </summary>
public sealed class FileControllerLease(StateDirectory state, string role) : Kelos.Core.Runtime.IControllerLease
{
    public const string ServeRole = "serve";
    public const string RunRole = "run";
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(200);

    private string OwnerFile => state.ControllerLockFile + ".owner";

    public async Task<IDisposable> AcquireAsync(Action onWaiting, CancellationToken cancellationToken)
    {
        var told = false;
        while (true)
        {
            if (FileLock.TryAcquire(state.ControllerLockFile) is { } held)
            {
                AtomicFile.WriteAllText(OwnerFile, $"{role} {Environment.ProcessId}");
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

    /// <summary>
    /// True when a <c>kelos serve</c> leads now: it will run whatever is stored. The owner record names the
    /// process; a record left by a process that is gone does not count.
    /// </summary>
    public bool IsHeldByServer()
    {
        string[] owner;
        try
        {
            owner = File.ReadAllText(OwnerFile).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException)
        {
            return false;
        }

        if (owner.Length != 2 || owner[0] != ServeRole || !Directory.Exists($"/proc/{owner[1]}"))
        {
            return false;
        }

        using var probe = FileLock.TryAcquire(state.ControllerLockFile);
        return probe is null;
    }
}
