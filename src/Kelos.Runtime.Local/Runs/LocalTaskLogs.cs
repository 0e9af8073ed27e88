using Kelos.Agents;
using Kelos.Core.Runtime;
using Kelos.Runtime.Local.State;

namespace Kelos.Runtime.Local.Runs;

/// <summary>
/// The end of a Task's log from its run directory: the agent's stream as readable lines (as <c>kelos logs</c> shows
/// it), else Kelos's own log of the run (a clone or setup that failed before the agent started). Both files were
/// written with every secret masked.
/// </summary>
public sealed class LocalTaskLogs(StateDirectory state) : ITaskLogs
{
    public async Task<IReadOnlyList<string>> TailAsync(KelosTaskRef task, int lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var dir = state.RunDirectory(task.Name);
        var formatter = new AgentLogFormatter(task.AgentType);
        var agent = await ReadAsync(Path.Combine(dir, "agent.log"), cancellationToken);
        var readable = agent.SelectMany(formatter.Format).ToList();
        if (readable.Count == 0)
        {
            readable = [.. (await ReadAsync(Path.Combine(dir, "kelos.log"), cancellationToken)).Where(l => l.Length > 0)];
        }

        return readable.Count <= lines ? readable : readable[^lines..];
    }

    private static async Task<string[]> ReadAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllLinesAsync(file, cancellationToken);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }
    }
}
