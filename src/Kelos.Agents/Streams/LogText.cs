using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kelos.Agents.Streams;

/// <summary>Turns stream fragments into short single-line text for logs and failure reasons.</summary>
internal static class LogText
{
    /// <summary>How much of a tool result a log line shows.</summary>
    public const int ToolResultLength = 200;

    /// <summary>How much of an agent's own error text a failure reason keeps.</summary>
    public const int ReasonLength = 500;

    private static readonly string[] SummaryFields =
        ["command", "cmd", "file_path", "filePath", "path", "pattern", "url", "query", "description", "prompt"];

    /// <summary>Newlines and runs of whitespace become one space; longer text is cut with an ellipsis.</summary>
    public static string Shorten(string text, int maxLength)
    {
        var builder = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        var pendingSpace = false;
        foreach (var character in text.Trim())
        {
            if (char.IsWhiteSpace(character))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(character);
            if (builder.Length > maxLength)
            {
                return builder.ToString(0, maxLength) + "…";
            }
        }

        return builder.ToString();
    }

    /// <summary><c>→ Bash: git commit -m x</c>: the tool and the one input that says what it does.</summary>
    public static AgentLogEntry ToolCall(string tool, JsonElement? input)
    {
        var detail = Describe(input);
        return new AgentLogEntry(AgentLogKind.ToolCall, detail.Length == 0 ? $"→ {tool}" : $"→ {tool}: {detail}");
    }

    /// <summary><c>← output</c>, cut to about 200 characters; failures are marked.</summary>
    public static AgentLogEntry ToolResult(string? output, bool failed = false)
    {
        var text = Shorten(output ?? "", ToolResultLength);
        var prefix = failed ? "← ✗" : "←";
        return new AgentLogEntry(AgentLogKind.ToolResult, text.Length == 0 ? prefix : $"{prefix} {text}");
    }

    /// <summary>Tokens and cost the way a result line shows them, e.g. <c>1200 in / 340 out tokens, $0.0123</c>.</summary>
    public static string Usage(long? input, long? output, decimal? cost)
    {
        var parts = new List<string>();
        if (input is not null || output is not null)
        {
            parts.Add($"{input ?? 0} in / {output ?? 0} out tokens");
        }

        if (cost is not null)
        {
            parts.Add($"${cost.Value.ToString(CultureInfo.InvariantCulture)}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>Shows an agent's tool result content, which may be a string or a list of text blocks.</summary>
    public static string ContentText(JsonElement? content)
    {
        if (content is not { } value)
        {
            return "";
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString() ?? "";
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return value.GetRawText();
        }

        var texts = value.EnumerateArray()
            .Select(block => block.String("text"))
            .OfType<string>();
        return string.Join(" ", texts);
    }

    private static string Describe(JsonElement? input)
    {
        switch (input)
        {
            case null:
                return "";
            case { ValueKind: JsonValueKind.String } text:
                return Shorten(text.GetString()!, ToolResultLength);
            case { ValueKind: JsonValueKind.Array } words when words.EnumerateArray().All(word => word.ValueKind == JsonValueKind.String):
                return Shorten(string.Join(" ", words.EnumerateArray().Select(word => word.GetString())), ToolResultLength);
            case { ValueKind: not JsonValueKind.Object } other:
                return Shorten(other.GetRawText(), ToolResultLength);
        }

        var value = input.Value;
        foreach (var field in SummaryFields)
        {
            if (value.String(field) is { Length: > 0 } text)
            {
                return Shorten(text, ToolResultLength);
            }
        }

        return Shorten(value.GetRawText(), ToolResultLength);
    }
}
