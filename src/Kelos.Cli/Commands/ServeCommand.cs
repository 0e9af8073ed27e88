using System.CommandLine;
using Kelos.Cli.Hosting;
using Kelos.Controller.Configuration;
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
        var configDir = new Option<string?>("--config-dir")
        {
            Description = "A directory of TaskSpawner, Workspace, AgentConfig and Secret YAML to keep applied (default: $KELOS_CONFIG_DIR)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ConfigDirectoryOptions.EnvironmentVariable),
        };
        var urls = new Option<string>("--urls")
        {
            Description = "Where the GitHub webhook endpoint listens, when GitHub is configured (KELOS_WEBHOOK_SECRET or KELOS_GITHUB_APP_ID)",
            DefaultValueFactory = _ => "http://127.0.0.1:8080",
        };
        var command = new Command("serve", "Run Kelos: the controller, the bus and (with GitHub configured) the webhook endpoint, until stopped") { maxParallel, configDir, urls };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var state = CommonOptions.State(parse);
            var dir = parse.GetValue(configDir);
            if (dir is not null && !Directory.Exists(dir))
            {
                throw new CliException($"the configuration directory {dir} does not exist (--config-dir or {ConfigDirectoryOptions.EnvironmentVariable})");
            }

            if (dir is not null)
            {
                // One place says where it is: the runtime hides it from agents (it may hold Secrets).
                Environment.SetEnvironmentVariable(ConfigDirectoryOptions.EnvironmentVariable, Path.GetFullPath(dir));
            }

            using var host = EmbeddedHost.Build(new EmbeddedHostSettings(state, FileControllerLease.ServeRole, parse.GetValue(maxParallel), LogEventLevel.Information, ConfigDirectory: dir, Urls: parse.GetValue(urls), RabbitMqUrl: RabbitMq.UrlFromEnvironment()));
            await console.Error.WriteLineAsync($"kelos serve: state directory {state.Root}");
            await host.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
