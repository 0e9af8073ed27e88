using Kelos.Agents;
using Kelos.Core.Resources;

namespace Kelos.Cli.Commands;

/// <summary>
/// <c>kelos logs TASK --kubeconfig PATH [-f] [--raw] [--kelos]</c>: the <c>kelos-agent</c> container's log of the Task's
/// pod, secrets masked, formatted as in embedded mode; <c>--kelos</c> shows the init containers (clone, branch, files).
/// </summary>
public static class ClusterLogs
{
    public static async Task<int> PrintAsync(ClusterConnection connection, string name, bool follow, bool raw, bool kelos, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(console);
        var task = connection.Store.Find<KelosTask>(name) ?? throw new CliException($"task \"{name}\" not found in namespace {connection.Namespace}");
        var printed = 0;
        if (kelos)
        {
            foreach (var line in await connection.Logs.InitLinesAsync(name, cancellationToken))
            {
                await console.Out.WriteLineAsync(line);
                printed++;
            }
        }
        else
        {
            var formatter = raw ? null : new AgentLogFormatter(task.Spec.Type ?? "");
            await foreach (var line in connection.Logs.AgentLinesAsync(name, follow, cancellationToken))
            {
                foreach (var text in formatter is null ? [line] : formatter.Format(line))
                {
                    await console.Out.WriteLineAsync(text);
                    printed++;
                }
            }
        }

        if (printed == 0)
        {
            var phase = connection.Store.Find<KelosTask>(name)?.Status?.Phase ?? TaskPhase.Pending;
            await console.Error.WriteLineAsync($"task {name} has no log yet (phase {phase})");
        }

        return 0;
    }
}
