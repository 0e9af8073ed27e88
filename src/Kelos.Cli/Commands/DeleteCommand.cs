using System.CommandLine;
using Kelos.Core.Resources;
using Kelos.Runtime.Local.State;

namespace Kelos.Cli.Commands;

/// <summary>
/// <c>kelos delete KIND NAME [--kubeconfig PATH]</c>. Deleting a running Task stops it; its clone and logs go too (on a
/// cluster: its Job, pods and Secret).
/// </summary>
public static class DeleteCommand
{
    public static Command Create(CliConsole console)
    {
        var kind = new Argument<string>("kind") { Description = "task, workspace, agentconfig, taskspawner or secret" };
        var name = new Argument<string>("name") { Description = "Resource name" };
        var cluster = new ClusterOptions();
        var command = cluster.AddTo(new Command("delete", "Delete a resource") { kind, name });
        command.SetAction(async (parse, _) =>
        {
            var resolved = ResourceKinds.FromUserInput(parse.GetRequiredValue(kind))
                ?? throw new CliException($"unknown resource type \"{parse.GetValue(kind)}\"; use task, workspace, agentconfig, taskspawner or secret");
            var target = parse.GetRequiredValue(name);
            await using var connection = cluster.Connect(parse);
            if (connection is not null)
            {
                // On a cluster the Task's Job, pods and Secret go with it (owner references).
                if (!connection.Run(() => connection.Store.Delete(resolved, target)))
                {
                    throw new CliException($"{resolved.ToLowerInvariant()} \"{target}\" not found in namespace {connection.Namespace}");
                }

                await console.Out.WriteLineAsync($"{resolved.ToLowerInvariant()}/{target} deleted");
                return 0;
            }

            var state = CommonOptions.State(parse);
            var store = new FileResourceStore(state, TimeProvider.System);
            var wasRunning = resolved == ResourceKinds.Task && store.Find<KelosTask>(target)?.Status?.Phase == TaskPhase.Running;
            if (!store.Delete(resolved, target))
            {
                throw new CliException($"{resolved.ToLowerInvariant()} \"{target}\" not found");
            }

            var runDir = state.RunDirectory(target);
            if (resolved == ResourceKinds.Task && !wasRunning && Directory.Exists(runDir))
            {
                Directory.Delete(runDir, recursive: true);
            }

            console.Out.WriteLine($"{resolved.ToLowerInvariant()}/{target} deleted");
            return 0;
        });
        return command;
    }
}
