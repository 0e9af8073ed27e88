using System.CommandLine;
using System.CommandLine.Parsing;
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
            RenderCommand.Create(console),
            RunCommand.Create(console),
            GetCommand.Create(console),
            LogsCommand.Create(console),
            CancelCommand.Create(console),
            DeleteCommand.Create(console),
            ServeCommand.Create(console),
            InstallCommand.Create(console),
            GitHubAppCommand.Create(console),
            VersionCommand.Create(console),
        };
        root.Add(CommonOptions.StateDir);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line that says what is wrong, and where the usage is; not a page of help.
            var path = new List<string>();
            for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult)
            {
                path.Insert(0, result.Command == root ? "kelos" : result.Command.Name);
            }

            var command = string.Join(' ', path);
            await stderr.WriteLineAsync($"error: {string.Join("; ", parse.Errors.Select(e => e.Message.TrimEnd('.')))} (see {command} --help)");
            return 1;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is CliException or ResourceConflictException or TimeoutException or IOException or UnauthorizedAccessException or ArgumentException or InvalidDataException or Kelos.GitHub.Replies.TemplateLoadException)
        {
            await stderr.WriteLineAsync("error: " + e.Message);
            return 1;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            // A setting that stops the start (no webhook secret, a bad App id): say what, in one line each.
            foreach (var failure in e.Failures)
            {
                await stderr.WriteLineAsync("error: " + failure);
            }

            return 1;
        }
    }
}
