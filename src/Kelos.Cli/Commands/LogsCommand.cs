using System.CommandLine;
using Kelos.Agents;
using Kelos.Cli.Output;
using Kelos.Core.Resources;
using Kelos.Runtime.Local.State;

namespace Kelos.Cli.Commands;

/// <summary>
/// <c>kelos logs TASK [-f]</c>: the agent's stream as readable lines (assistant text, tool calls, results);
/// <c>--raw</c> for the stream as the agent printed it, <c>--kelos</c> for Kelos's own steps (clone, setup, push).
/// With <c>--kubeconfig</c>, the Task's pod on that cluster (<see cref="ClusterLogs"/>).
/// </summary>
public static class LogsCommand
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public static Command Create(CliConsole console)
    {
        var task = new Argument<string>("task") { Description = "Task name" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing until the Task ends" };
        var raw = new Option<bool>("--raw") { Description = "Print the agent's stream unformatted" };
        var kelos = new Option<bool>("--kelos") { Description = "Print Kelos's own log of the run instead" };
        var cluster = new ClusterOptions();
        var command = cluster.AddTo(new Command("logs", "Show what a Task's agent did") { task, follow, raw, kelos });
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var connection = cluster.Connect(parse);
            if (connection is not null)
            {
                return await connection.RunAsync(() => ClusterLogs.PrintAsync(
                    connection, parse.GetRequiredValue(task), parse.GetValue(follow), parse.GetValue(raw), parse.GetValue(kelos), console, cancellationToken));
            }

            var state = CommonOptions.State(parse);
            var store = new FileResourceStore(state, TimeProvider.System);
            var name = parse.GetRequiredValue(task);
            var found = store.Find<KelosTask>(name) ?? throw new CliException($"task \"{name}\" not found");
            var file = Path.Combine(state.RunDirectory(name), parse.GetValue(kelos) ? "kelos.log" : "agent.log");
            var formatter = parse.GetValue(raw) || parse.GetValue(kelos) ? null : new AgentLogFormatter(found.Spec.Type ?? "");
            var tail = new LogTail(file);
            while (true)
            {
                var finished = TaskPhase.IsFinished(store.Find<KelosTask>(name)?.Status?.Phase);
                foreach (var line in tail.ReadNew())
                {
                    foreach (var text in formatter is null ? [line] : formatter.Format(line))
                    {
                        await console.Out.WriteLineAsync(text);
                    }
                }

                if (!parse.GetValue(follow) || finished || store.Find<KelosTask>(name) is null)
                {
                    break;
                }

                await Task.Delay(Poll, cancellationToken);
            }

            if (!File.Exists(file))
            {
                await console.Error.WriteLineAsync($"task {name} has no log yet (phase {found.Status?.Phase ?? TaskPhase.Pending})");
            }

            return 0;
        });
        return command;
    }
}
