using System.CommandLine;
using System.Reflection;
using Kelos.Runtime.Local.Sandbox;

namespace Kelos.Cli.Commands;

/// <summary><c>kelos version</c>: the version, the runtime, and whether agents will be sandboxed here.</summary>
public static class VersionCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("version", "Print the version");
        command.SetAction(parse =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            console.Out.WriteLine($"kelos {version.Split('+')[0]}");
            console.Out.WriteLine($".NET {Environment.Version}");
            console.Out.WriteLine(Bubblewrap.Detect() is null ? "sandbox: none (install bubblewrap to sandbox agents)" : "sandbox: bubblewrap");
            return 0;
        });
        return command;
    }
}
