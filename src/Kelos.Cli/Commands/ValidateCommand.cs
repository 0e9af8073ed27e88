using System.CommandLine;

namespace Kelos.Cli.Commands;

/// <summary><c>kelos validate -f FILE|DIR</c>: every error with file, line and field; nothing is stored.</summary>
public static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var file = FileOption.Create("File or directory of YAML to check");
        var command = new Command("validate", "Check YAML without applying it") { file };
        command.SetAction(parse =>
        {
            var resources = ResourceFiles.Load(parse.GetRequiredValue(file), console, "the files are not valid");
            console.Out.WriteLine($"{resources.Count} resource(s) valid");
            return 0;
        });
        return command;
    }
}
