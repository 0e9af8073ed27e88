using System.Text.Json;
using Kelos.Agents.ClaudeCode;
using Kelos.Agents.Streams;

namespace Kelos.Agents.Cursor;

/// <summary>
/// Cursor's stream-json as readable lines. Messages and the result have Claude's shape; tool calls arrive as
/// <c>tool_call</c> events (<c>started</c>, then <c>completed</c>) holding one <c>xxxToolCall</c> object.
/// The init line, the echoed prompt and thinking are dropped.
/// </summary>
internal static class CursorLogFormatter
{
    public static IReadOnlyList<AgentLogEntry> Format(JsonElement line) => line.String("type") switch
    {
        "assistant" => Assistant(line),
        "tool_call" when line.Object("tool_call") is { } call => ToolCall(line.String("subtype"), call),
        "result" => [ResultLine.Read(line).ToLogEntry()],
        _ => [],
    };

    private static List<AgentLogEntry> Assistant(JsonElement line)
    {
        var content = line.Object("message")?.Array("content") ?? [];
        return content
            .Where(block => block.String("type") == "text" && !string.IsNullOrWhiteSpace(block.String("text")))
            .Select(block => LogLines.Text(block.String("text")!))
            .ToList();
    }

    private static List<AgentLogEntry> ToolCall(string? subtype, JsonElement call)
    {
        var (name, body) = Describe(call);
        if (subtype != "completed")
        {
            return [LogText.ToolCall(name, body?.Property("args") ?? body?.Property("arguments"))];
        }

        if (body?.Object("result") is not { } result)
        {
            return [];
        }

        if (result.Object("success") is { } success)
        {
            var exitCode = success.Int64("exitCode");
            return [LogText.ToolResult(SuccessText(success, exitCode), failed: exitCode is not null and not 0)];
        }

        var failure = result.Object("rejected") is not null ? "rejected"
            : result.Object("error")?.String("message") ?? result.GetRawText();
        return [LogText.ToolResult(failure, failed: true)];
    }

    /// <summary>The tool's name (<c>shellToolCall</c> → <c>shell</c>) and the object with its args and result.</summary>
    private static (string Name, JsonElement? Body) Describe(JsonElement call)
    {
        foreach (var property in call.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var name = property.Name.EndsWith("ToolCall", StringComparison.Ordinal)
                ? property.Name[..^"ToolCall".Length]
                : property.Value.String("name") ?? property.Name;
            return (name, property.Value);
        }

        return ("tool", null);
    }

    private static string SuccessText(JsonElement success, long? exitCode)
    {
        if (exitCode is not null)
        {
            return $"exit {exitCode}: {success.String("stdout")}{success.String("stderr")}";
        }

        return success.String("content") ?? success.String("diffString") ?? success.String("path") ?? success.GetRawText();
    }
}
