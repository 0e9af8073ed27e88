using Kelos.Agents;
using Kelos.Runtime.Local.Processes;

namespace Kelos.Runtime.Local.Runs;

/// <summary>
/// Runs the agent command: its stdout goes to <c>agent.log</c> as it comes and through the agent's stream
/// parser; its stderr to the run log. The process group is recorded so a restarted Kelos can stop a run that
/// outlived its parent.
/// </summary>
public static class AgentProcess
{
    private const int TailLines = 400;

    public static async Task<AgentProcessResult> RunAsync(
        ProcessSpec spec,
        IAgentStreamParser parser,
        bool closeStdin,
        RunDirectory run,
        RunLog log,
        CancellationToken cancellationToken)
    {
        var tail = new Queue<string>();
        var gate = new Lock();
        await using var agentLog = new StreamWriter(new FileStream(run.AgentLog, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };

        void OnStdout(string line)
        {
            lock (gate)
            {
                agentLog.WriteLine(log.Redact(line));
                parser.Feed(line);
                tail.Enqueue(line);
                if (tail.Count > TailLines)
                {
                    tail.Dequeue();
                }
            }
        }

        var exitCode = await ChildProcess.RunAsync(
            spec,
            OnStdout,
            line => log.Output("agent", line),
            pid => ProcessGroupRecord.Write(run.ProcessGroupFile, pid),
            closeStdin,
            cancellationToken);

        lock (gate)
        {
            var own = OutputsBlock.ParseLast(tail);
            var pairs = own?.Results.ToList() ?? [];
            return new AgentProcessResult(exitCode, parser.Complete(exitCode), pairs);
        }
    }
}
