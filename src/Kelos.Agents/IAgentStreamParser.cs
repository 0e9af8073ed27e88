namespace Kelos.Agents;

/// <summary>Reads one run's stdout line by line and sums it up at the end.</summary>
public interface IAgentStreamParser
{
    /// <summary>Feeds one line of stdout (lines that are not JSON are kept as plain output).</summary>
    void Feed(string line);

    /// <summary>The summary once the process exited with <paramref name="exitCode"/>.</summary>
    AgentRunSummary Complete(int exitCode);
}
