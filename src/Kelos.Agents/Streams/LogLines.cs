using System.Text.Json;

namespace Kelos.Agents.Streams;

/// <summary>The part of <c>FormatLogLine</c> every agent shares: blank lines vanish, plain lines stay as they are.</summary>
internal static class LogLines
{
    public static IReadOnlyList<AgentLogEntry> Format(string line, Func<JsonElement, IReadOnlyList<AgentLogEntry>> formatEvent)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (string.IsNullOrWhiteSpace(line))
        {
            return [];
        }

        if (!JsonLine.TryParse(line, out var document))
        {
            return [new AgentLogEntry(AgentLogKind.Raw, line.TrimEnd())];
        }

        using (document)
        {
            return formatEvent(document.RootElement);
        }
    }

    public static AgentLogEntry Text(string text) => new(AgentLogKind.Text, text.Trim());

    public static AgentLogEntry Result(string text) => new(AgentLogKind.Result, text);

    public static AgentLogEntry Error(string text) => new(AgentLogKind.Error, LogText.Shorten(text, LogText.ReasonLength));
}
