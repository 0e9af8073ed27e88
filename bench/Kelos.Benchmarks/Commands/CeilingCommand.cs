using System.CommandLine;
using Kelos.Benchmarks.Targets;

namespace Kelos.Benchmarks.Commands;

/// <summary><c>kelos-bench ceiling</c>: the sweep against a bare endpoint that only checks the signature.</summary>
internal static class CeilingCommand
{
    public static Command Create()
    {
        var load = new LoadOptions();
        var command = new Command("ceiling", "Sweep the rates against a bare ASP.NET Core endpoint that only checks the HMAC (the ceiling)");
        load.AddTo(command);
        command.SetAction((parse, cancellationToken) => Sweep.RunAsync(
            "Ceiling: bare ASP.NET Core endpoint, HMAC check only", load.Read(parse), TargetLauncher.StartCeilingAsync, null, null, cancellationToken));
        return command;
    }
}
