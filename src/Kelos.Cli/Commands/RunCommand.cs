using System.CommandLine;
using Kelos.Cli.Hosting;
using Kelos.Cli.Output;
using Kelos.Core.Resources;
using Kelos.Runtime.Local.State;
using Microsoft.Extensions.Hosting;
using Serilog.Events;

namespace Kelos.Cli.Commands;

/// <summary>
/// <c>kelos run</c>: create a Task (from <c>-f</c> or from flags) and see it through. When a <c>kelos serve</c>
/// leads this state directory it runs the Task and <c>run</c> only follows it (with <c>--watch</c>); otherwise
/// <c>run</c> acts as the controller itself (once no other one leads) until the Task has finished. Exit code 0
/// only on Succeeded.
/// </summary>
public static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var flags = new RunFlags();
        var watch = new Option<bool>("--watch", "-w") { Description = "Show phase changes and the agent's progress until the Task ends" };
        var command = new Command("run", "Run an agent Task");
        flags.AddTo(command);
        command.Add(watch);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var state = CommonOptions.State(parse);
            var store = new FileResourceStore(state, TimeProvider.System);
            var task = TaskSubmission.Submit(parse, flags, store, console);
            console.Error.WriteLine($"task/{task.Name} created");

            var watcher = new TaskWatcher(store, state, console, parse.GetValue(watch));
            if (new FileControllerLease(state, FileControllerLease.RunRole).IsHeldByServer())
            {
                if (!parse.GetValue(watch))
                {
                    console.Error.WriteLine($"the running kelos serve will run it; follow it with: kelos get task {task.Name} or kelos logs {task.Name} -f");
                    return 0;
                }

                return await FinishAsync(await watcher.FollowAsync(task.Name, cancellationToken), state, console, cancellationToken);
            }

            // No server leads: run the controller here, for this Task and its dependencies, until it ends. If
            // another kelos run leads for now, this controller waits for the lease and takes over after it.
            using var host = EmbeddedHost.Build(new EmbeddedHostSettings(state, FileControllerLease.RunRole, MaxParallel: 4, LogEventLevel.Warning, OnlyTask: task.Name));
            await host.StartAsync(cancellationToken);
            try
            {
                return await FinishAsync(await watcher.FollowAsync(task.Name, cancellationToken), state, console, cancellationToken);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        });
        return command;
    }

    /// <summary>Without a GitHub App, shows the comment the bot would have posted; then the exit code.</summary>
    private static async Task<int> FinishAsync(KelosTask? task, StateDirectory state, CliConsole console, CancellationToken cancellationToken)
    {
        if (task is not null && !GitHubSettings.IsConfigured())
        {
            await CommentPreview.WriteAsync(task, state, console.Out, cancellationToken);
        }

        return ExitCode(task);
    }

    private static int ExitCode(KelosTask? task) => task?.Status?.Phase == TaskPhase.Succeeded ? 0 : 1;
}
