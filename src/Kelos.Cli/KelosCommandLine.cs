using System.CommandLine;
using Kelos.Cli.Commands;
using Kelos.Core.Store;

namespace Kelos.Cli;

/// <summary>The <c>kelos</c> command tree. Each command lives in its own file under Commands/.</summary>
public static class KelosCommandLine
{
    public static async Task<int> InvokeAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var console = new CliConsole(stdout, stderr);
        var root = new RootCommand("Kelos runs AI coding agents as infrastructure.")
        {
            ApplyCommand.Create(console),
            ValidateCommand.Create(console),
            RunCommand.Create(console),
            GetCommand.Create(console),
            LogsCommand.Create(console),
            CancelCommand.Create(console),
            DeleteCommand.Create(console),
            ServeCommand.Create(console),
            VersionCommand.Create(console),
        };
        root.Add(CommonOptions.StateDir);
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is CliException or ResourceConflictException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync("error: " + e.Message);
            return 1;
        }
    }
}
