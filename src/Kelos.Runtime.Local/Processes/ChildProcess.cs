using System.Diagnostics;

namespace Kelos.Runtime.Local.Processes;

/// <summary>
/// Runs one command in its own process group, hands every stdout and stderr line to the caller as it
/// arrives, and on cancellation terminates the whole group.
/// </summary>
public static class ChildProcess
{
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(5);

    /// <summary>Runs to the end; returns the exit code. Cancelling kills the group and rethrows.</summary>
    public static async Task<int> RunAsync(
        ProcessSpec spec,
        Action<string> onStdout,
        Action<string> onStderr,
        Action<int>? onStarted = null,
        bool closeStdin = true,
        CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(spec.FileName);
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        foreach (var (key, value) in spec.Environment)
        {
            info.Environment[key] = value;
        }

        // Some CLIs (OpenCode) work in $PWD rather than the process's working directory.
        info.Environment["PWD"] = spec.WorkingDirectory;

        using var process = new Process { StartInfo = info };
        await ProcessLauncher.StartAsync(process);
        onStarted?.Invoke(process.Id);
        if (closeStdin)
        {
            process.StandardInput.Close();
        }

        var stdout = PumpAsync(process.StandardOutput, onStdout);
        var stderr = PumpAsync(process.StandardError, onStderr);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await ProcessGroup.TerminateAsync(process.Id, KillGrace);
            KillTree(process);
            throw;
        }

        // The command is done; whatever it left behind in its group (a background child holding the pipes)
        // goes too, so a run can never hang on a process nobody waits for.
        await ProcessGroup.TerminateAsync(process.Id, KillGrace);
        await Task.WhenAll(stdout, stderr).WaitAsync(KillGrace, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return process.ExitCode;
    }

    /// <summary>Runs a short command and returns its exit code and output (for git and the like).</summary>
    public static async Task<ProcessResult> CaptureAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        var stdout = new List<string>();
        var stderr = new List<string>();
        var exitCode = await RunAsync(spec, line => { lock (stdout) { stdout.Add(line); } }, line => { lock (stderr) { stderr.Add(line); } }, cancellationToken: cancellationToken);
        return new ProcessResult(exitCode, string.Join('\n', stdout), string.Join('\n', stderr));
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            onLine(line);
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
