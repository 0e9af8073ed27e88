using System.Text.Json;
using Kelos.Agents.Streams;

namespace Kelos.Agents.ClaudeCode;

/// <summary>
/// Reads Claude Code's <c>--output-format stream-json</c> (and Cursor's, which has the same shape with camelCase
/// usage). The last <c>result</c> line carries usage, cost and the answer. Failure is judged by <c>is_error</c>,
/// never by <c>subtype</c> (it stays "success" on API errors); a run whose last stop reason is not
/// <c>end_turn</c>, or that gave up with a terminal reason of its own (no API error status), stopped mid-work and
/// counts as failed and incomplete, whatever the result line says.
/// </summary>
internal sealed class ClaudeStreamParser(string agentName) : JsonStreamParser(agentName)
{
    private ResultLine? result;
    private string? lastAssistantStopReason;
    private string? lastAssistantText;

    public override AgentRunSummary Complete(int exitCode)
    {
        if (result is null)
        {
            return Failed(EndedEarly("without a result", exitCode));
        }

        if (result.IsError)
        {
            return Failed(ErrorReason(result));
        }

        var answer = string.IsNullOrEmpty(result.Text) ? lastAssistantText : result.Text;
        if (IncompleteReason(result) is { } incomplete)
        {
            return Summary(true, $"{AgentName} stopped mid-work, the run is incomplete ({incomplete})", answer);
        }

        return exitCode != 0 ? Summary(true, ExitFailure(exitCode), answer) : Summary(false, null, answer);
    }

    protected override void OnEvent(JsonElement line)
    {
        switch (line.String("type"))
        {
            case "assistant":
                OnAssistant(line);
                break;
            case "result":
                result = ResultLine.Read(line);
                break;
        }
    }

    private void OnAssistant(JsonElement line)
    {
        // Messages of a sub-agent (the Task tool) carry its parent's tool id; they say nothing about the main loop.
        if (line.String("parent_tool_use_id") is not null || line.Object("message") is not { } message)
        {
            return;
        }

        lastAssistantStopReason = message.String("stop_reason");
        foreach (var block in message.Array("content"))
        {
            if (block.String("type") == "text" && block.String("text") is { Length: > 0 } text)
            {
                lastAssistantText = text;
            }
        }
    }

    // Claude Code streams each content block as its own assistant message with stop_reason null, so a null
    // says nothing; newer versions put the final stop_reason on the result line itself.
    private string? IncompleteReason(ResultLine line)
    {
        var reasons = new List<string>();
        if (line.TerminalReason is { } terminal && terminal != "completed")
        {
            reasons.Add($"terminal_reason {terminal}");
        }

        if ((line.StopReason ?? lastAssistantStopReason) is { } stop && stop != "end_turn")
        {
            reasons.Add($"stop_reason {stop}");
        }

        return reasons.Count == 0 ? null : string.Join(", ", reasons);
    }

    private string ErrorReason(ResultLine line)
    {
        var message = !string.IsNullOrWhiteSpace(line.Text) ? line.Text
            : line.Errors.Count > 0 ? string.Join("; ", line.Errors)
            : "no message";
        var details = new List<string>();
        if (line.ApiErrorStatus is { } status)
        {
            details.Add($"api_error_status {status}");
        }

        if (line.TerminalReason is { } terminal)
        {
            details.Add($"terminal_reason {terminal}");
        }

        if (line.Subtype is { } subtype && subtype != "success")
        {
            details.Add($"subtype {subtype}");
        }

        // An error that is not the API's own (no status) with a terminal reason is the loop giving up mid-work:
        // e.g. the model stopped on tool_use without a usable tool call (terminal_reason malformed_tool_use_exhausted).
        var incomplete = line.ApiErrorStatus is null && line.TerminalReason is { } end && end != "completed";
        var reason = incomplete
            ? $"{AgentName} stopped mid-work, the run is incomplete: {LogText.Shorten(message, LogText.ReasonLength)}"
            : $"{AgentName} reported an error: {LogText.Shorten(message, LogText.ReasonLength)}";
        return details.Count == 0 ? reason : $"{reason} ({string.Join(", ", details)})";
    }

    private AgentRunSummary Failed(string reason) => Summary(true, reason, null);

    private AgentRunSummary Summary(bool failed, string? reason, string? answer) =>
        new(failed, reason, answer, result?.InputTokens, result?.OutputTokens, result?.CostUsd);
}
