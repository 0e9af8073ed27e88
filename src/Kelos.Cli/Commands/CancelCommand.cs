using System.CommandLine;
using Kelos.Core.Store;
using Kelos.Runtime.Local.State;

namespace Kelos.Cli.Commands;

/// <summary><c>kelos cancel TASK</c>: asks the controller to stop a Task; its whole process group is killed.</summary>
public static class CancelCommand
{
    public static Command Create(CliConsole console)
    {
        var task = new Argument<string>("task") { Description = "Task name" };
        var command = new Command("cancel", "Stop a Task that has not finished") { task };
        command.SetAction(parse =>
        {
            var state = CommonOptions.State(parse);
            var name = parse.GetRequiredValue(task);
            var outcome = TaskCancellation.Request(new FileResourceStore(state, TimeProvider.System), name, $"{Environment.UserName} (kelos cancel)");
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
