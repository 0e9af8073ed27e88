namespace Kelos.Testing.GitHub;

/// <summary>
/// A clock that moves only when told. Its timers (<c>Task.Delay(…, clock)</c>, <c>ITimer</c>) run on the wall clock,
/// as <see cref="TimeProvider.System"/>'s do, unless <see cref="ManualTimers"/> is set: then they fire only when
/// <see cref="Advance"/> moves the clock past their due time, and <see cref="AdvanceWhileWaitingAsync{T}"/> runs code
/// that waits on this clock without waiting for real.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start;

    /// <summary>Starts at the real current time, truncated to whole seconds as JWT claims are.</summary>
    public ManualTimeProvider()
        : this(DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()))
    {
    }

    /// <summary>Whether timers follow this clock (fire on <see cref="Advance"/>) rather than the wall clock.</summary>
    public bool ManualTimers { get; init; }

    /// <summary>When the earliest pending manual timer is due, or null when none is pending.</summary>
    public DateTimeOffset? NextTimerDue
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count == 0 ? null : _timers.Min(t => t.Due);
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        ManualTimers ? new ManualTimer(this, callback, state, dueTime, period) : base.CreateTimer(callback, state, dueTime, period);

    /// <summary>
    /// Moves the clock forward (or back, with a negative span). Manual timers due on the way fire in order, each with
    /// the clock at its due time.
    /// </summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + by;
        }

        while (true)
        {
            ManualTimer? due;
            lock (_gate)
            {
                due = _timers.Where(t => t.Due <= target).MinBy(t => t.Due);
                if (due is null)
                {
                    _now = target;
                    return;
                }

                if (due.Due > _now)
                {
                    _now = due.Due;
                }

                due.Rearm(_now);
            }

            due.Fire();
        }
    }

    /// <summary>
    /// Awaits <paramref name="work"/>, moving the clock to the next manual timer's due time whenever one is pending, so
    /// code that waits on this clock runs at once. Gives up after <paramref name="realLimit"/> (default 30 s) of wall time.
    /// </summary>
    public async Task<T> AdvanceWhileWaitingAsync<T>(Task<T> work, TimeSpan? realLimit = null)
    {
        await AdvanceWhileWaitingAsync((Task)work, realLimit);
        return await work;
    }

    /// <inheritdoc cref="AdvanceWhileWaitingAsync{T}"/>
    public async Task AdvanceWhileWaitingAsync(Task work, TimeSpan? realLimit = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        var deadline = DateTime.UtcNow + (realLimit ?? TimeSpan.FromSeconds(30));
        while (!work.IsCompleted)
        {
            if (NextTimerDue is { } due)
            {
                var now = GetUtcNow();
                Advance(due > now ? due - now : TimeSpan.Zero);
                continue;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The work did not finish, and nothing waits on the clock.");
            }

            await Task.WhenAny(work, Task.Delay(10));
        }

        await work;
    }

    private sealed class ManualTimer : ITimer
    {
        private readonly ManualTimeProvider _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private TimeSpan _period;

        public ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            Change(dueTime, period);
        }

        /// <summary>Guarded by the clock's lock.</summary>
        public DateTimeOffset Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_clock._gate)
            {
                _clock._timers.Remove(this);
                _period = period;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    Due = _clock._now + dueTime;
                    _clock._timers.Add(this);
                }

                return true;
            }
        }

        /// <summary>After firing: due again one period later, or gone. Called under the clock's lock.</summary>
        public void Rearm(DateTimeOffset now)
        {
            if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
            {
                Due = now + _period;
            }
            else
            {
                _clock._timers.Remove(this);
            }
        }

        public void Fire() => _callback(_state);

        public void Dispose()
        {
            lock (_clock._gate)
            {
                _clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
