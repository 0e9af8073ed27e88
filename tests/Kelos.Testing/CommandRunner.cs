using System.Diagnostics;
using System.Text;

namespace Kelos.Testing;

/// <summary>Runs a process to completion with stdin closed, capturing its output; kills its whole tree on timeout.</summary>
public static class CommandRunner
{
    /// <summary>Runs <paramref name="fileName"/> and waits for it.</summary>
    /// <param name="fileName">The program.</param>
    /// <param name="arguments">Its arguments, each passed as is.</param>
    /// <param name="workingDirectory">Its working directory.</param>
    /// <param name="environment">Variables to set on top of this process's environment; a null value removes one.</param>
    /// <param name="timeout">How long to wait before killing it (default 2 minutes).</param>
    /// <param name="cancellationToken">Kills the process when cancelled.</param>
    /// <exception cref="TimeoutException">It ran longer than <paramref name="timeout"/>; the message holds its output.</exception>
    public static async Task<CommandResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Some CLIs (OpenCode) take their working directory from $PWD, which would otherwise be ours.
        startInfo.Environment["PWD"] = workingDirectory;

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            var partial = new CommandResult(process.ExitCode, Read(stdout), Read(stderr), stopwatch.Elapsed);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish in time and was killed: {partial}");
        }

        // The parameterless wait also drains the asynchronous output readers.
        process.WaitForExit();
        return new CommandResult(process.ExitCode, Read(stdout), Read(stderr), stopwatch.Elapsed);
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }
}
