using System.Collections.Concurrent;
using System.Diagnostics;

namespace Kelos.Runtime.Local.Processes;

/// <summary>
/// Starts every child process from one thread that lives as long as Kelos. bubblewrap's
/// <c>--die-with-parent</c> (PR_SET_PDEATHSIG) fires when the <em>thread</em> that forked it exits; thread-pool
/// threads come and go, so a sandbox started from one would be killed mid-run. From this thread, a sandbox
/// dies only when Kelos itself does.
/// </summary>
public static class ProcessLauncher
{
    private static readonly BlockingCollection<(Process Process, TaskCompletionSource Started)> Requests = [];

    static ProcessLauncher()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "kelos-process-launcher" };
        thread.Start();
    }

    /// <summary>Starts <paramref name="process"/> on the launcher thread.</summary>
    public static Task StartAsync(Process process)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((process, started));
        return started.Task;
    }

    private static void Loop()
    {
        foreach (var (process, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                process.Start();
                started.SetResult();
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }
}
