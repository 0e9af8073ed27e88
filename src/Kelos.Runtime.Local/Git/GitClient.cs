using Kelos.Runtime.Local.Processes;
using Kelos.Runtime.Local.Runs;

namespace Kelos.Runtime.Local.Git;

/// <summary>
/// Runs git for one run: never prompts, authenticates through a credential helper that reads the token file
/// on every call (so the token never sits in a URL, a config file or an argument), logs to the run log.
/// </summary>
public sealed class GitClient(RunLog log, IReadOnlyDictionary<string, string> environment, string? tokenFile)
{
    public async Task<string> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await TryRunAsync(workingDirectory, arguments, cancellationToken);
        if (result.ExitCode != 0)
        {
            var detail = LastLine(result.Stderr) ?? $"exit code {result.ExitCode}";
            throw new GitException(log.Redact($"git {arguments[0]} failed: {detail}"));
        }

        return result.Stdout.Trim();
    }

    public async Task<ProcessResult> TryRunAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var args = new List<string>();
        if (tokenFile is not null)
        {
            // The path travels in the environment, never inside the shell text, so no path can break the quoting.
            args.AddRange(["-c", "credential.helper=", "-c", "credential.helper=!f() { test \"$1\" = get || exit 0; echo username=x-access-token; printf 'password=%s\\n' \"$(cat \"$KELOS_GIT_TOKEN_FILE\")\"; }; f"]);
        }

        args.AddRange(arguments);
        var env = new Dictionary<string, string>(environment, StringComparer.Ordinal)
        {
            ["GIT_TERMINAL_PROMPT"] = "0",
        };
        if (tokenFile is not null)
        {
            env["KELOS_GIT_TOKEN_FILE"] = tokenFile;
        }
        log.Output("git", "git " + string.Join(' ', arguments));
        var result = await ChildProcess.CaptureAsync(new ProcessSpec("git", args, workingDirectory, env), cancellationToken);
        foreach (var line in result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            log.Output("git", line);
        }

        return result;
    }

    private static string? LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
}
