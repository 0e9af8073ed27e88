using System.CommandLine;
using Kelos.Core.Store;
using Kelos.Runtime.Local.State;

namespace Kelos.Cli.Commands;

/// <summary>
/// <c>kelos cancel TASK [--kubeconfig PATH]</c>: asks the controller to stop a Task, by the same annotation on the Task in
/// both modes (<see cref="TaskCancellation"/>): embedded, its whole process group is killed; on a cluster, the
/// controller deletes its Job with the pods.
/// </summary>
public static class CancelCommand
{
    public static Command Create(CliConsole console)
    {
        var task = new Argument<string>("task") { Description = "Task name" };
        var cluster = new ClusterOptions();
        var command = cluster.AddTo(new Command("cancel", "Stop a Task that has not finished") { task });
        command.SetAction(async (parse, _) =>
        {
            var name = parse.GetRequiredValue(task);
            var requestedBy = $"{Environment.UserName} (kelos cancel)";
            await using var connection = cluster.Connect(parse);
            var outcome = connection is null
                ? TaskCancellation.Request(new FileResourceStore(CommonOptions.State(parse), TimeProvider.System), name, requestedBy)
                : connection.Run(() => TaskCancellation.Request(connection.Store, name, requestedBy));
            switch (outcome)
            {
                case CancelOutcome.NotFound:
                    throw new CliException($"task \"{name}\" not found");
                case CancelOutcome.AlreadyFinished:
                    throw new CliException($"task \"{name}\" has already finished");
                case CancelOutcome.AlreadyRequested:
                    console.Out.WriteLine($"task/{name} cancel was already requested");
                    break;
                default:
                    console.Out.WriteLine($"task/{name} cancel requested");
                    break;
            }

            return 0;
        });
        return command;
    }
}
