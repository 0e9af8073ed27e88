using System.Text.Json;
using Kelos.Agents.Streams;

namespace Kelos.Agents.ClaudeCode;

/// <summary>The fields of a Claude-style <c>{"type":"result",...}</c> line that say how the run ended.</summary>
internal sealed record ResultLine(
    bool IsError,
    string? Subtype,
    string? Text,
    string? StopReason,
    string? TerminalReason,
    long? ApiErrorStatus,
    IReadOnlyList<string> Errors,
    long? InputTokens,
    long? OutputTokens,
    decimal? CostUsd,
    long? NumTurns)
{
    public static ResultLine Read(JsonElement line)
    {
        var usage = line.Object("usage");
        return new ResultLine(
            line.Boolean("is_error") ?? false,
            line.String("subtype"),
            line.String("result"),
            line.String("stop_reason"),
            line.String("terminal_reason"),
            line.Int64("api_error_status"),
            line.Array("errors").Where(error => error.ValueKind == JsonValueKind.String).Select(error => error.GetString()!).ToList(),
            usage?.FirstInt64("input_tokens", "inputTokens"),
            usage?.FirstInt64("output_tokens", "outputTokens"),
            line.Decimal("total_cost_usd"),
            line.Int64("num_turns"));
    }

    /// <summary>The log line for it: a result, or an error with the agent's own message.</summary>
    public AgentLogEntry ToLogEntry()
    {
        var usage = LogText.Usage(InputTokens, OutputTokens, CostUsd);
        if (IsError)
        {
            var message = Text ?? (Errors.Count > 0 ? string.Join("; ", Errors) : Subtype ?? "error");
            return LogLines.Error(usage.Length == 0 ? $"failed: {message}" : $"failed: {message} ({usage})");
        }

        var turns = NumTurns is { } count ? $" after {count} turns" : "";
        var stop = StopReason is { } reason && reason != "end_turn" ? $" (stop_reason {reason})" : "";
        return LogLines.Result($"finished{turns}{stop}" + (usage.Length == 0 ? "" : $": {usage}"));
    }
}
