using System.Globalization;
using Kelos.Agents;
using Kelos.Core.Resources;
using Kelos.Core.Store;
using Kelos.Runtime.Local.State;

namespace Kelos.Cli.Output;

/// <summary>
/// Follows one Task in the store until it finishes: each phase change as a timestamped line and, with
/// <c>showAgent</c>, the agent's progress as it happens; then the summary.
/// </summary>
public sealed class TaskWatcher(IResourceStore store, StateDirectory state, CliConsole console, bool showAgent)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public async Task<KelosTask?> FollowAsync(string name, CancellationToken cancellationToken)
    {
        string? shown = null;
        var tail = new LogTail(Path.Combine(state.RunDirectory(name), "agent.log"));
        AgentLogFormatter? formatter = null;
        while (true)
        {
            var seen = store.Generation;
            var task = store.Find<KelosTask>(name);
            if (task is null)
            {
                console.Error.WriteLine($"task/{name} was deleted");
                return null;
            }

            formatter ??= new AgentLogFormatter(task.Spec.Type ?? "");
            var phase = task.Status?.Phase ?? TaskPhase.Pending;
            var finished = TaskPhase.IsFinished(phase);
            var agentLines = showAgent ? tail.ReadNew().SelectMany(formatter.Format).ToList() : [];
            if (finished)
            {
                // The agent's last lines came before its end: show them first.
                PrintAgent(agentLines);
            }

            var line = $"{phase,-10} {FirstLine(task.Status?.Message)}";
            if (line != shown)
            {
                console.Out.WriteLine($"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}  {line}");
                shown = line;
            }

            if (!finished)
            {
                PrintAgent(agentLines);
            }

            if (TaskPhase.IsFinished(phase))
            {
                console.Out.WriteLine();
                TaskSummary.Write(task, console.Out);
                return task;
            }

            await store.WaitForChangeAsync(seen, Poll, cancellationToken);
        }
    }

    private void PrintAgent(IEnumerable<string> lines)
    {
        foreach (var text in lines)
        {
            console.Out.WriteLine($"          │ {text}");
        }
    }

    private static string FirstLine(string? message) => message?.Split('\n')[0] ?? "";
}
