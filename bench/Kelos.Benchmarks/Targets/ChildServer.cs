using System.Diagnostics;

namespace Kelos.Benchmarks.Targets;

/// <summary>
/// A server process this tool started: its output goes to a log file, it counts as up once its health URL answers
/// 200, and disposing it stops it (SIGTERM, then a kill of its whole tree) so that nothing outlives the run.
/// </summary>
internal sealed class ChildServer : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);
    private readonly Process _process;
    private readonly StreamWriter _log;
    private bool _closed;

    private ChildServer(Process process, StreamWriter log, string logPath)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
    }

    public string LogPath { get; }

    /// <summary>User and system CPU time the server has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<ChildServer> StartAsync(ProcessStartInfo info, Uri health, string logPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var child = new ChildServer(new Process { StartInfo = info }, log, logPath);
        if (!child._process.Start())
        {
            await log.DisposeAsync();
            throw new InvalidOperationException($"could not start {info.FileName}");
        }

        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        try
        {
            await child.WaitUntilHealthyAsync(health, timeout, cancellationToken);
            return child;
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(StopGrace);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        lock (_log)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private async Task WaitUntilHealthyAsync(Uri health, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_process.StartInfo.FileName} exited with {_process.ExitCode} while starting; its output:\n{Tail()}");
            }

            try
            {
                using var response = await client.GetAsync(health, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening but not answering yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"{health} did not answer 200 within {timeout.TotalSeconds:0} s; its output:\n{Tail()}");
    }

    private string Tail()
    {
        lock (_log)
        {
            _log.Flush();
        }

        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        // Stack frames say little here; the exception lines say why.
        var lines = reader.ReadToEnd().Split('\n').Where(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        return string.Join('\n', lines.TakeLast(15));
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (!_closed)
            {
                _log.WriteLine(line);
            }
        }
    }
}
