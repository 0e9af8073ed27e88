using System.CommandLine;

namespace Kelos.Cli.Commands;

/// <summary><c>kelos render job</c>: print what cluster mode would create, for review, without a cluster.</summary>
public static class RenderCommand
{
    public static Command Create(CliConsole console) =>
        new("render", "Print the Kubernetes objects Kelos would create, without creating them") { RenderJobCommand.Create(console) };
}
