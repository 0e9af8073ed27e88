using System.Text.Json;
using Kelos.Agents.Streams;

namespace Kelos.Agents.Codex;

/// <summary>
/// <c>codex exec --json</c> as readable lines: messages, shell commands and their output, patches, MCP calls,
/// turn usage and errors. Thread/turn start events, reasoning and to-do lists are dropped.
/// </summary>
internal static class CodexLogFormatter
{
    public static IReadOnlyList<AgentLogEntry> Format(JsonElement line) => line.String("type") switch
    {
        "item.started" when line.Object("item") is { } item => Started(item),
        "item.completed" when line.Object("item") is { } item => Completed(item),
        "turn.completed" => [LogLines.Result($"turn completed: {Usage(line)}")],
        "turn.failed" => [LogLines.Error($"turn failed: {line.Object("error")?.String("message")}")],
        "error" => [LogLines.Error(line.String("message") ?? "error")],
        _ => [],
    };

    private static IReadOnlyList<AgentLogEntry> Started(JsonElement item) => item.String("type") switch
    {
        "command_execution" => [LogText.ToolCall("shell", item.Property("command"))],
        "mcp_tool_call" => [LogText.ToolCall($"{item.String("server")}.{item.String("tool")}", item.Property("arguments"))],
        "web_search" => [LogText.ToolCall("web_search", item.Property("query"))],
        _ => [],
    };

    private static List<AgentLogEntry> Completed(JsonElement item) => item.String("type") switch
    {
        "agent_message" when item.String("text") is { Length: > 0 } text => [LogLines.Text(text)],
        "command_execution" => [CommandResult(item)],
        "file_change" => FileChange(item),
        "mcp_tool_call" => [McpResult(item)],
        "error" => [LogLines.Error($"warning: {item.String("message")}")],
        _ => [],
    };

    private static AgentLogEntry CommandResult(JsonElement item)
    {
        var exitCode = item.Int64("exit_code");
        var failed = exitCode is not null and not 0 || item.String("status") is "failed" or "declined";
        var output = item.String("aggregated_output") ?? "";
        return LogText.ToolResult(exitCode is { } code ? $"exit {code}: {output}" : output, failed);
    }

    private static List<AgentLogEntry> FileChange(JsonElement item)
    {
        var changes = item.Array("changes").Select(change => $"{change.String("kind")} {change.String("path")}");
        var entries = new List<AgentLogEntry> { new(AgentLogKind.ToolCall, $"→ apply_patch: {string.Join(", ", changes)}") };
        if (item.String("status") == "failed")
        {
            entries.Add(LogText.ToolResult("patch failed", failed: true));
        }

        return entries;
    }

    private static AgentLogEntry McpResult(JsonElement item)
    {
        if (item.Object("error")?.String("message") is { } error)
        {
            return LogText.ToolResult(error, failed: true);
        }

        return LogText.ToolResult(LogText.ContentText(item.Object("result")?.Property("content")), item.String("status") == "failed");
    }

    private static string Usage(JsonElement line)
    {
        var usage = line.Object("usage");
        return LogText.Usage(usage?.Int64("input_tokens"), usage?.Int64("output_tokens"), null);
    }
}
