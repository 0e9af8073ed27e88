namespace Kelos.Controller;

/// <summary>A run this controller started and has not seen end yet, tied to the Task's uid (not only its name).</summary>
internal sealed class ActiveRun(string uid)
{
    /// <summary>The uid of the Task this run belongs to; a new Task under the same name is another Task.</summary>
    public string Uid { get; } = uid;

    /// <summary>Stops the run. Never disposed: late cancels from the loop or a shutdown must stay harmless.</summary>
    public CancellationTokenSource Stop { get; } = new();

    public Task Completion { get; set; } = Task.CompletedTask;

    /// <summary>Who cancelled it (a person, a command), or null when it is stopped for another reason.</summary>
    public string? CancelledBy { get; set; }

    /// <summary>The Task was deleted: nothing is written back and what the run kept is removed.</summary>
    public bool Deleted { get; set; }
}
