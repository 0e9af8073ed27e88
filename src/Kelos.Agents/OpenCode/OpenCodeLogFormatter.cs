using System.Text.Json;
using Kelos.Agents.Streams;

namespace Kelos.Agents.OpenCode;

/// <summary>
/// OpenCode's JSON events as readable lines. A <c>tool_use</c> event arrives once the tool finished, so it
/// yields both the call and its result. Step starts, reasoning and intermediate step ends are dropped.
/// </summary>
internal static class OpenCodeLogFormatter
{
    public static IReadOnlyList<AgentLogEntry> Format(JsonElement line)
    {
        var part = line.Object("part");
        return line.String("type") switch
        {
            "text" when part?.String("text") is { Length: > 0 } text => [LogLines.Text(text)],
            "tool_use" when part is { } tool => ToolUse(tool),
            "step_finish" when part is { } step && step.String("reason") != "tool-calls" => [StepFinish(step)],
            "error" => [LogLines.Error(OpenCodeStreamParser.ErrorMessage(line))],
            _ => [],
        };
    }

    private static List<AgentLogEntry> ToolUse(JsonElement part)
    {
        var state = part.Object("state");
        var entries = new List<AgentLogEntry> { LogText.ToolCall(part.String("tool") ?? "tool", state?.Property("input")) };
        switch (state?.String("status"))
        {
            case "completed":
                entries.Add(LogText.ToolResult(state?.String("output")));
                break;
            case "error":
                entries.Add(LogText.ToolResult(state?.String("error"), failed: true));
                break;
        }

        return entries;
    }

    private static AgentLogEntry StepFinish(JsonElement step)
    {
        var tokens = step.Object("tokens");
        var usage = LogText.Usage(tokens?.Int64("input"), tokens?.Int64("output"), step.Decimal("cost"));
        var reason = step.String("reason") ?? "done";
        return LogLines.Result(usage.Length == 0 ? $"step finished ({reason})" : $"step finished ({reason}): {usage}");
    }
}
