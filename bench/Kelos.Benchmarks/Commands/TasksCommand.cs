using System.CommandLine;
using Kelos.Benchmarks.Load;
using Kelos.Benchmarks.Rabbit;
using Kelos.Benchmarks.Report;
using Kelos.Benchmarks.Targets;

namespace Kelos.Benchmarks.Commands;

/// <summary>
/// <c>kelos-bench tasks</c>: deliveries at fixed rates through <c>kelos serve</c> all the way to their Tasks. Each
/// delivery is a <c>/kelos bench</c> command that a TaskSpawner turns into a Task (see <see cref="TaskWorld"/>); per
/// step the table gives the answers (p50/p99 to the 202) and the time from each delivery to its Task.
/// </summary>
internal static class TasksCommand
{
    public static Command Create()
    {
        var load = new LoadOptions("100,250,500,1000");
        var kelos = new Option<string>("--kelos") { Description = "kelos.dll to run", DefaultValueFactory = _ => RepositoryPaths.KelosDll };
        var bus = new Option<string>("--bus") { Description = $"memory, or rabbitmq (the broker at {TargetLauncher.RabbitMqUrlVariable})", DefaultValueFactory = _ => "rabbitmq" };
        bus.AcceptOnlyFromAmong("memory", "rabbitmq");
        var command = new Command("tasks", "Sweep the rates through kelos serve to Tasks: time to the 202 and from delivery to Task created") { kelos, bus };
        load.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = load.Read(parse);
            var rabbit = parse.GetValue(bus) == "rabbitmq" ? ServeCommand.RabbitMqUrl() : null;
            var dll = Path.GetFullPath(parse.GetValue(kelos)!);
            var title = $"kelos serve to Tasks, {(rabbit is null ? "in-memory bus" : "RabbitMQ bus")}";
            var work = Directory.CreateTempSubdirectory("kelos-bench-tasks-");
            try
            {
                await Console.Error.WriteLineAsync($"{title}:");
                IReadOnlyList<StepResult> results;
                await using (var world = await TaskWorld.StartAsync(work.FullName, cancellationToken))
                await using (var target = await TargetLauncher.StartKelosServeAsync(dll, work.FullName, rabbit, cancellationToken, world.App))
                {
                    await Console.Error.WriteLineAsync($"  target {target.Endpoint}");
                    var cpu = new CpuProbes(target.Server is { } server ? () => server.CpuTime : null, rabbit is null ? null : BrokerProcess.CpuFromEnvironment());
                    Func<CancellationToken, Task>? check = rabbit is null ? null : ct => KelosExchangeCheck.EnsurePublishedAsync(rabbit, ct);
                    var sweep = new RateSweep(settings, Console.Error, cpu, new StepHooks(world.BeforeStepAsync, world.AfterStepAsync), world.Adjust);
                    results = await sweep.RunAsync(target.Endpoint, target.Key, check, cancellationToken);
                }

                await Console.Out.WriteLineAsync(TaskTable.Render(title, results, settings.P99BoundMs));
                return 0;
            }
            finally
            {
                work.Delete(recursive: true);
            }
        });
        return command;
    }
}
