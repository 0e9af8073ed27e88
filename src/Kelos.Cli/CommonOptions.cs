using System.CommandLine;
using Kelos.Runtime.Local.State;

namespace Kelos.Cli;

/// <summary>Options every command takes.</summary>
public static class CommonOptions
{
    public static readonly Option<string?> StateDir = new("--state-dir")
    {
        Description = "State directory (default: $KELOS_STATE_DIR, else ~/.kelos)",
        Recursive = true,
    };

    public static StateDirectory State(ParseResult parse) => StateDirectory.Resolve(parse.GetValue(StateDir));
}
