using System.Text.Json;

namespace Kelos.Agents.Streams;

/// <summary>
/// Feeds each JSON object line of a run's stdout to the agent-specific parser; remembers the last plain
/// line, which is often the only explanation a CLI gives when it dies before its stream starts.
/// </summary>
internal abstract class JsonStreamParser(string agentName) : IAgentStreamParser
{
    private string? lastPlainLine;

    /// <summary>The agent's name as people know it, for failure reasons.</summary>
    protected string AgentName { get; } = agentName;

    public void Feed(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!JsonLine.TryParse(line, out var document))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                lastPlainLine = line.Trim();
            }

            return;
        }

        using (document)
        {
            OnEvent(document.RootElement);
        }
    }

    public abstract AgentRunSummary Complete(int exitCode);

    protected abstract void OnEvent(JsonElement line);

    /// <summary>The reason for a run that failed without saying why in its stream.</summary>
    protected string ExitFailure(int exitCode) =>
        WithLastPlainLine($"{AgentName} exited with code {exitCode}");

    /// <summary>The reason for a run whose stream ended before its final event.</summary>
    protected string EndedEarly(string what, int exitCode)
    {
        var reason = $"{AgentName} ended {what}";
        if (exitCode != 0)
        {
            reason += $" (exit code {exitCode})";
        }

        return WithLastPlainLine(reason);
    }

    private string WithLastPlainLine(string reason) =>
        lastPlainLine is null ? reason : $"{reason}: {LogText.Shorten(lastPlainLine, LogText.ReasonLength)}";
}
