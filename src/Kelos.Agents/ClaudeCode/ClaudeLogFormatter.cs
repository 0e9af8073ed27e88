using System.Text.Json;
using Kelos.Agents.Streams;

namespace Kelos.Agents.ClaudeCode;

/// <summary>
/// Claude Code's stream-json as readable lines: assistant text, tool calls, tool results, the result.
/// The init line, hooks, status pings, partial-message events and thinking are dropped as noise.
/// </summary>
internal static class ClaudeLogFormatter
{
    public static IReadOnlyList<AgentLogEntry> Format(JsonElement line) => line.String("type") switch
    {
        "assistant" => Assistant(line),
        "user" => ToolResults(line),
        "result" => [ResultLine.Read(line).ToLogEntry()],
        "system" when line.String("subtype") == "api_retry" => [Retry(line)],
        _ => [],
    };

    private static List<AgentLogEntry> Assistant(JsonElement line)
    {
        // When a request fails Claude Code answers with a synthetic message holding the API error.
        var apiError = line.Boolean("is_api_error_message") ?? false;
        var entries = new List<AgentLogEntry>();
        var content = line.Object("message")?.Array("content") ?? [];
        foreach (var block in content)
        {
            switch (block.String("type"))
            {
                case "text" when block.String("text") is { Length: > 0 } text:
                    entries.Add(apiError ? LogLines.Error(text) : LogLines.Text(text));
                    break;
                case "tool_use":
                    entries.Add(LogText.ToolCall(block.String("name") ?? "tool", block.Property("input")));
                    break;
            }
        }

        return entries;
    }

    private static List<AgentLogEntry> ToolResults(JsonElement line)
    {
        var content = line.Object("message")?.Array("content") ?? [];
        return content
            .Where(block => block.String("type") == "tool_result")
            .Select(block => LogText.ToolResult(LogText.ContentText(block.Property("content")), block.Boolean("is_error") ?? false))
            .ToList();
    }

    private static AgentLogEntry Retry(JsonElement line)
    {
        var status = line.Int64("error_status") is { } code ? $"API error {code}" : "API error";
        return LogLines.Error($"{status}, retrying (attempt {line.Int64("attempt")} of {line.Int64("max_retries")})");
    }
}
