using System.CommandLine;

namespace Kelos.Cli.Commands;

/// <summary><c>-o table|yaml|json</c>.</summary>
public static class OutputFormat
{
    public static Option<string> Create() => new Option<string>("--output", "-o")
    {
        Description = "table, yaml or json",
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "yaml", "json");
}
