namespace Kelos.Testing.GitHub;

/// <summary>
/// Calls held at the door (<see cref="GitHubStandIn.HoldCalls"/>): each call whose path starts with the prefix waits,
/// unanswered, until <see cref="Release"/>, so a test can catch the code under test in the middle of its work (and,
/// say, kill it there). Disposing releases.
/// </summary>
public sealed class StandInHold : IDisposable
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    internal StandInHold(string pathPrefix)
    {
        PathPrefix = pathPrefix;
    }

    /// <summary>The path (without <c>/api/v3</c>) a held call starts with.</summary>
    public string PathPrefix { get; }

    /// <summary>Completes when the first call is being held.</summary>
    public Task Reached => _reached.Task;

    /// <summary>How many calls have been held so far.</summary>
    public int Held => Volatile.Read(ref _held);

    internal bool IsReleased => _released.Task.IsCompleted;

    /// <summary>Lets every held call (and every later one) through.</summary>
    public void Release() => _released.TrySetResult();

    public void Dispose() => Release();

    internal async Task WaitAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _held);
        _reached.TrySetResult();
        await _released.Task.WaitAsync(cancellationToken);
    }
}
