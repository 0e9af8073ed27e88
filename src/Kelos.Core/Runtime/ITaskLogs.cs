namespace Kelos.Core.Runtime;

/// <summary>Where the reporter reads the end of a Task's log, to show why it failed.</summary>
public interface ITaskLogs
{
    /// <summary>The last <paramref name="lines"/> readable lines of the agent's log (secrets already masked), or none.</summary>
    Task<IReadOnlyList<string>> TailAsync(KelosTaskRef task, int lines, CancellationToken cancellationToken);
}

/// <summary>A Task by name, with its agent type (which decides how its log reads).</summary>
public sealed record KelosTaskRef(string Name, string AgentType);
