using System.CommandLine;
using Kelos.Cli.Hosting;
using Kelos.Runtime.Local.State;
using Microsoft.Extensions.Hosting;
using Serilog.Events;

namespace Kelos.Cli.Commands;

/// <summary>
/// <c>kelos serve</c>: the long-running process. In embedded mode it is the controller for its state directory
/// and picks up whatever is applied, changed or deleted there meanwhile, by any process.
/// </summary>
public static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var maxParallel = new Option<int>("--max-parallel") { Description = "Tasks that may run at once", DefaultValueFactory = _ => 4 };
        var command = new Command("serve", "Run Kelos: the controller and the bus, until stopped") { maxParallel };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var state = CommonOptions.State(parse);
            using var host = EmbeddedHost.Build(state, FileControllerLease.ServeRole, parse.GetValue(maxParallel), LogEventLevel.Information);
            await console.Error.WriteLineAsync($"kelos serve: state directory {state.Root}");
            await host.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
