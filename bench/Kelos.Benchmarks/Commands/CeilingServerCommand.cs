using System.CommandLine;
using System.Text;
using Kelos.Benchmarks.Targets;

namespace Kelos.Benchmarks.Commands;

/// <summary><c>kelos-bench ceiling-server</c>: the ceiling endpoint on its own, in the process <c>ceiling</c> starts.</summary>
internal static class CeilingServerCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://127.0.0.1:8081" };
        var command = new Command("ceiling-server", $"Serve the ceiling endpoint until stopped (secret from {TargetLauncher.SecretVariable})") { urls };
        command.Hidden = true;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var secret = Environment.GetEnvironmentVariable(TargetLauncher.SecretVariable);
            if (string.IsNullOrEmpty(secret))
            {
                throw new ArgumentException($"{TargetLauncher.SecretVariable} is not set: no secret, no start");
            }

            await CeilingServer.RunAsync(parse.GetValue(urls)!, Encoding.UTF8.GetBytes(secret), cancellationToken);
            return 0;
        });
        return command;
    }
}
