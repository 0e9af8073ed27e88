namespace Kelos.Runtime.Local.State;

/// <summary>
/// An exclusive advisory lock on a file (flock underneath), shared by every process on the machine and released
/// by the kernel when its holder dies, so a crashed <c>kelos</c> never leaves the state directory locked.
/// </summary>
public sealed class FileLock : IDisposable
{
    private readonly FileStream _stream;

    private FileLock(FileStream stream)
    {
        _stream = stream;
    }

    /// <summary>Takes the lock now, or returns null when another holder has it.</summary>
    public static FileLock? TryAcquire(string path)
    {
        try
        {
            return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Waits for the lock, up to <paramref name="timeout"/>.</summary>
    public static FileLock Acquire(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var acquired = TryAcquire(path);
            if (acquired is not null)
            {
                return acquired;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"could not lock {path} within {timeout.TotalSeconds:0} s: another kelos process holds it");
            }

            Thread.Sleep(5);
        }
    }

    public void Dispose() => _stream.Dispose();
}
