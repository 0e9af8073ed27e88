using System.Globalization;
using Kelos.Core.Deliveries;
using Kelos.Runtime.Local.State;

namespace Kelos.Runtime.Local.Deliveries;

/// <summary>
/// The delivery ledger in the state directory: <c>deliveries/YYYY-MM-DD.log</c>, one append-only log per UTC day,
/// plus an in-memory index (each delivery id and event identity with its state) loaded at start. A decision takes the in-process lock and <c>deliveries/ledger.lock</c>
/// (flock, shared with every <c>kelos</c> process on the machine), reads what other processes appended since
/// (the day's log and its neighbours), decides, and appends one line: recorded (pending), accepted or refused.
/// Whole day files older than the retention are deleted; nothing is ever rewritten.
/// </summary>
/// <remarks>
/// A line is written to the operating system (it survives the process being killed and restarted) but not
/// fsynced: a power loss may forget the last moments' deliveries, and a redelivery of one of them is then
/// published again; the consumers downstream are idempotent (invariant 1), so that costs no double work. Logs
/// written before the accepted mark existed hold only recorded and refused lines: their deliveries read as unknown
/// once the pending limit has passed, which is what they were to the old version (acted on, and a redelivery
/// published again).
/// </remarks>
public sealed class FileDeliveryLedger : IDeliveryLedger, IDisposable
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(200);
    private const string FileSuffix = ".log";
    private const string DateFormat = "yyyy-MM-dd";

    private readonly string _directory;
    private readonly string _lockFile;
    private readonly TimeProvider _time;
    private readonly long _retentionMs;
    private readonly long _pendingLimitMs = (long)IDeliveryLedger.PendingLimit.TotalMilliseconds;
    private readonly TimeSpan _retention;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);
    private readonly SortedDictionary<DateOnly, DeliveryLogFile> _files = [];
    private DateOnly _prunedOn;
    private bool _disposed;

    /// <param name="state">The state directory; the ledger lives in its <c>deliveries</c> folder.</param>
    /// <param name="time">The clock, for pruning and for <see cref="Forget"/>.</param>
    /// <param name="retention">How long entries count; <see cref="IDeliveryLedger.Retention"/> unless a test says otherwise.</param>
    public FileDeliveryLedger(StateDirectory state, TimeProvider time, TimeSpan? retention = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        _time = time;
        _retention = retention ?? IDeliveryLedger.Retention;
        _retentionMs = (long)_retention.TotalMilliseconds;
        state.EnsureCreated();
        _directory = Path.Combine(state.Root, "deliveries");
        Directory.CreateDirectory(_directory);
        _lockFile = Path.Combine(_directory, "ledger.lock");
        Load(time.GetUtcNow());
    }

    public bool TryRecord(string deliveryId, string eventIdentity, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        ArgumentException.ThrowIfNullOrEmpty(eventIdentity);
        var atMs = at.ToUnixTimeMilliseconds();
        var day = DayOf(at);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var held = FileLock.Acquire(_lockFile, LockTimeout);
            CatchUp(day);
            if (IsSeen(DeliveryKey(deliveryId), atMs) || IsSeen(EventKey(eventIdentity), atMs))
            {
                return false;
            }

            Write(day, new DeliveryLogRecord(DeliveryState.Pending, atMs, deliveryId, eventIdentity));
            PruneIfDue(at);
            return true;
        }
    }

    public void Accept(string deliveryId, string eventIdentity) => Conclude(DeliveryState.Accepted, deliveryId, eventIdentity);

    public void Forget(string deliveryId, string eventIdentity) => Conclude(DeliveryState.Refused, deliveryId, eventIdentity);

    public DeliveryState StateOf(string deliveryId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        lock (_gate)
        {
            return StateOfLocked(deliveryId, now);
        }
    }

    public async Task<DeliveryState> SettledStateAsync(string deliveryId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        var pause = FirstPause;
        while (true)
        {
            Task concluded;
            lock (_gate)
            {
                var state = StateOfLocked(deliveryId, _time.GetUtcNow());
                if (state != DeliveryState.Pending)
                {
                    _waiters.Remove(deliveryId);
                    return state;
                }

                if (!_waiters.TryGetValue(deliveryId, out var waiter))
                {
                    _waiters[deliveryId] = waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                concluded = waiter.Task;
            }

            // Concluded in this process: woken at once. In another process: seen at the next look.
            await Task.WhenAny(concluded, Task.Delay(pause, _time, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    private DeliveryState StateOfLocked(string deliveryId, DateTimeOffset now)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var nowMs = now.ToUnixTimeMilliseconds();
        using var held = FileLock.Acquire(_lockFile, LockTimeout);
        CatchUp(DayOf(now));
        if (!_entries.TryGetValue(DeliveryKey(deliveryId), out var entry) || entry.UnixMilliseconds <= nowMs - _retentionMs)
        {
            return DeliveryState.Unknown;
        }

        return entry.State == DeliveryState.Pending && nowMs - entry.UnixMilliseconds >= _pendingLimitMs ? DeliveryState.Unknown : entry.State;
    }

    private void Conclude(DeliveryState state, string deliveryId, string eventIdentity)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        ArgumentException.ThrowIfNullOrEmpty(eventIdentity);
        var now = _time.GetUtcNow();
        var day = DayOf(now);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var held = FileLock.Acquire(_lockFile, LockTimeout);
            CatchUp(day);
            Write(day, new DeliveryLogRecord(state, now.ToUnixTimeMilliseconds(), deliveryId, eventIdentity));
            if (_waiters.Remove(deliveryId, out var waiter))
            {
                waiter.TrySetResult();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var file in _files.Values)
            {
                file.Dispose();
            }

            _files.Clear();
        }
    }

    private void Load(DateTimeOffset now)
    {
        lock (_gate)
        {
            using var held = FileLock.Acquire(_lockFile, LockTimeout);
            var oldest = DayOf(now - _retention);
            var nowMs = now.ToUnixTimeMilliseconds();
            foreach (var path in Directory.EnumerateFiles(_directory, "*" + FileSuffix))
            {
                if (!TryParseDay(path, out var day))
                {
                    continue;
                }

                if (day < oldest)
                {
                    File.Delete(path);
                    continue;
                }

                if (DeliveryLogFile.OpenExisting(path) is { } file)
                {
                    _files[day] = file;
                }
            }

            // In date order, so an outcome written the day after its record still comes after it.
            foreach (var file in _files.Values)
            {
                file.ReadNew(record =>
                {
                    if (record.State == DeliveryState.Refused || record.UnixMilliseconds > nowMs - _retentionMs)
                    {
                        Apply(record);
                    }
                });
            }

            _prunedOn = DayOf(now);
        }
    }

    /// <summary>Applies what other processes appended to the logs a decision at <paramref name="day"/> can depend on.</summary>
    private void CatchUp(DateOnly day)
    {
        for (var d = day.AddDays(-1); d <= day.AddDays(1); d = d.AddDays(1))
        {
            FileFor(d, create: false)?.ReadNew(Apply);
        }
    }

    private void Write(DateOnly day, DeliveryLogRecord record)
    {
        var file = FileFor(day, create: true)!;
        file.ReadNew(Apply);
        file.Append(record.ToBytes());
        Apply(record);
    }

    private DeliveryLogFile? FileFor(DateOnly day, bool create)
    {
        if (_files.TryGetValue(day, out var file))
        {
            return file;
        }

        var path = Path.Combine(_directory, day.ToString(DateFormat, CultureInfo.InvariantCulture) + FileSuffix);
        file = create ? DeliveryLogFile.OpenOrCreate(path) : DeliveryLogFile.OpenExisting(path);
        if (file is not null)
        {
            _files[day] = file;
        }

        return file;
    }

    private void Apply(DeliveryLogRecord record)
    {
        var entry = new Entry(record.UnixMilliseconds, record.State);
        _entries[DeliveryKey(record.DeliveryId)] = entry;
        _entries[EventKey(record.EventIdentity)] = entry;
    }

    /// <summary>Accepted within the retention, or pending and still within the pending limit: a duplicate.</summary>
    private bool IsSeen(string key, long atMs) =>
        _entries.TryGetValue(key, out var entry) && entry.UnixMilliseconds > atMs - _retentionMs && entry.State switch
        {
            DeliveryState.Accepted => true,
            DeliveryState.Pending => atMs - entry.UnixMilliseconds < _pendingLimitMs,
            _ => false,
        };

    /// <summary>Once a day: drops day files that hold only expired entries, and expired entries from memory.</summary>
    private void PruneIfDue(DateTimeOffset now)
    {
        var today = DayOf(now);
        if (today <= _prunedOn)
        {
            return;
        }

        _prunedOn = today;
        var oldest = DayOf(now - _retention);
        foreach (var path in Directory.EnumerateFiles(_directory, "*" + FileSuffix))
        {
            if (TryParseDay(path, out var day) && day < oldest)
            {
                if (_files.Remove(day, out var file))
                {
                    file.Dispose();
                }

                File.Delete(path);
            }
        }

        var cutoff = now.ToUnixTimeMilliseconds() - _retentionMs;
        foreach (var (key, entry) in _entries)
        {
            if (entry.UnixMilliseconds <= cutoff)
            {
                _entries.Remove(key);
            }
        }
    }

    private static bool TryParseDay(string path, out DateOnly day) =>
        DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(path), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static string DeliveryKey(string deliveryId) => "d:" + deliveryId;

    private static string EventKey(string eventIdentity) => "e:" + eventIdentity;

    /// <summary>The last line about a delivery id or event identity: when, and what it said.</summary>
    private readonly record struct Entry(long UnixMilliseconds, DeliveryState State);
}
