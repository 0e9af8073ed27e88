namespace Kelos.GitHub.Api.Outbound;

/// <summary>
/// What one installation (or the App) shares across its requests: whose turn it is to create content, when its last
/// content-creating requests went out (a sliding minute, on <see cref="TimeProvider"/>), and until when GitHub asked it
/// to hold off. <see cref="System.Threading.RateLimiting"/>'s limiters would do the minute, but they keep time on the
/// wall clock only, so they could not be driven by a test clock; this is the few lines it takes.
/// </summary>
internal sealed class OutboundGate(int contentPerMinute, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Queue<DateTimeOffset> _contentSent = new(); // touched only by the holder of _turn
    private readonly Lock _pauseLock = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private string _pauseReason = string.Empty;

    /// <summary>Waits for the turn to create content; one request at a time holds it, retries included.</summary>
    public Task EnterAsync(CancellationToken cancellationToken) => _turn.WaitAsync(cancellationToken);

    /// <summary>Gives the turn to the next request.</summary>
    public void Exit() => _turn.Release();

    /// <summary>How long the holder of the turn must wait before it may send; zero while the last minute has room.</summary>
    public TimeSpan ContentWait()
    {
        var now = time.GetUtcNow();
        while (_contentSent.Count > 0 && now - _contentSent.Peek() >= Window)
        {
            _contentSent.Dequeue();
        }

        return _contentSent.Count < contentPerMinute ? TimeSpan.Zero : _contentSent.Peek() + Window - now;
    }

    /// <summary>Counts a content-creating request the holder of the turn is sending now.</summary>
    public void ContentSending() => _contentSent.Enqueue(time.GetUtcNow());

    /// <summary>Holds every request of this installation back for <paramref name="wait"/> (GitHub said so).</summary>
    public void Pause(TimeSpan wait, string reason)
    {
        var until = time.GetUtcNow() + wait;
        lock (_pauseLock)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
                _pauseReason = reason;
            }
        }
    }

    /// <summary>How much longer the installation is held back, and why; zero when it is not.</summary>
    public (TimeSpan Wait, string Reason) Paused()
    {
        var now = time.GetUtcNow();
        lock (_pauseLock)
        {
            return _pausedUntil > now ? (_pausedUntil - now, _pauseReason) : (TimeSpan.Zero, string.Empty);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _turn.Dispose();
}
