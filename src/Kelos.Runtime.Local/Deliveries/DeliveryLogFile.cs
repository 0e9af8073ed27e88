using Microsoft.Win32.SafeHandles;

namespace Kelos.Runtime.Local.Deliveries;

/// <summary>
/// One day's append-only delivery log, read incrementally: it remembers how far it has applied, so catching up
/// with what another process appended costs one <c>fstat</c> when nothing is new. Every method runs under the
/// ledger's lock (in-process and on the lock file), which makes any bytes after the last complete line a line
/// torn by a crashed writer, never one still being written.
/// </summary>
internal sealed class DeliveryLogFile : IDisposable
{
    private const int ChunkSize = 1 << 20;
    private static readonly byte[] Newline = "\n"u8.ToArray();

    private readonly SafeFileHandle _handle;
    private long _applied;

    private DeliveryLogFile(SafeFileHandle handle)
    {
        _handle = handle;
    }

    public static DeliveryLogFile OpenOrCreate(string path) =>
        new(File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete));

    public static DeliveryLogFile? OpenExisting(string path)
    {
        // Asked for the neighbouring days at every decision: a stat, not a FileNotFoundException, when there is none.
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return new(File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Applies every complete line appended since the last call.</summary>
    public void ReadNew(Action<DeliveryLogRecord> apply)
    {
        var length = RandomAccess.GetLength(_handle);
        while (_applied < length)
        {
            var buffer = new byte[(int)Math.Min(ChunkSize, length - _applied)];
            var read = RandomAccess.Read(_handle, buffer, _applied);
            if (read <= 0)
            {
                return;
            }

            ReadOnlySpan<byte> data = buffer.AsSpan(0, read);
            var end = data.LastIndexOf((byte)'\n');
            if (end < 0)
            {
                if (read == ChunkSize)
                {
                    // No record is this long: skip the garbage rather than stall on it.
                    _applied += read;
                    continue;
                }

                return;
            }

            foreach (var range in data[..end].Split((byte)'\n'))
            {
                if (DeliveryLogRecord.TryParse(data[range], out var record))
                {
                    apply(record);
                }
            }

            _applied += end + 1;
        }
    }

    /// <summary>Appends one line; a torn line left by a crash is ended first so it stays a line of its own.</summary>
    public void Append(byte[] line)
    {
        var length = RandomAccess.GetLength(_handle);
        if (length > _applied)
        {
            RandomAccess.Write(_handle, Newline, length);
            length += Newline.Length;
        }

        RandomAccess.Write(_handle, line, length);
        _applied = length + line.Length;
    }

    public void Dispose() => _handle.Dispose();
}
