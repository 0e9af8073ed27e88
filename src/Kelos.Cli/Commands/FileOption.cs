using System.CommandLine;

namespace Kelos.Cli.Commands;

/// <summary>The <c>-f/--filename</c> option of apply, validate and run.</summary>
public static class FileOption
{
    public static Option<string> Create(string description, bool required = true) => new("--filename", "-f")
    {
        Description = description,
        Required = required,
    };
}
