using System.Text.Json;
using Kelos.Agents.Streams;

namespace Kelos.Agents.Gemini;

/// <summary>Gemini's stream-json as readable lines; the init line and the echoed prompt are dropped.</summary>
internal static class GeminiLogFormatter
{
    public static IReadOnlyList<AgentLogEntry> Format(JsonElement line) => line.String("type") switch
    {
        "message" when line.String("role") == "assistant" && line.String("content") is { Length: > 0 } text =>
            [LogLines.Text(text)],
        "tool_use" => [LogText.ToolCall(line.String("tool_name") ?? "tool", line.Property("parameters"))],
        "tool_result" => [ToolResult(line)],
        "error" => [LogLines.Error($"{line.String("severity") ?? "error"}: {line.String("message")}")],
        "result" => [Result(line)],
        _ => [],
    };

    private static AgentLogEntry ToolResult(JsonElement line) =>
        line.String("status") == "error"
            ? LogText.ToolResult(line.Object("error")?.String("message") ?? line.String("output"), failed: true)
            : LogText.ToolResult(line.String("output"));

    private static AgentLogEntry Result(JsonElement line)
    {
        var stats = line.Object("stats");
        var usage = LogText.Usage(stats?.FirstInt64("input_tokens", "inputTokens"), stats?.FirstInt64("output_tokens", "outputTokens"), null);
        if (line.String("status") != "success")
        {
            var message = line.Object("error")?.String("message") ?? line.String("status") ?? "no status";
            return LogLines.Error($"failed: {message}");
        }

        var tools = stats?.Int64("tool_calls") is { } calls ? $", {calls} tool calls" : "";
        return LogLines.Result(usage.Length == 0 ? "finished" : $"finished: {usage}{tools}");
    }
}
