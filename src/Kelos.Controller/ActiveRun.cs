namespace Kelos.Controller;

/// <summary>A run this controller started and has not seen end yet.</summary>
internal sealed class ActiveRun : IDisposable
{
    public CancellationTokenSource Stop { get; } = new();

    public Task Completion { get; set; } = Task.CompletedTask;

    /// <summary>Who cancelled it (a person, a command), or null when it is stopped for another reason.</summary>
    public string? CancelledBy { get; set; }

    /// <summary>The Task was deleted: nothing is written back and what the run kept is removed.</summary>
    public bool Deleted { get; set; }

    public void Dispose() => Stop.Dispose();
}
