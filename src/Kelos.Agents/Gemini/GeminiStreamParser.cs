using System.Text.Json;
using Kelos.Agents.Streams;

namespace Kelos.Agents.Gemini;

/// <summary>
/// Reads <c>gemini --output-format stream-json</c>: the <c>result</c> line's <c>status</c> and <c>stats</c>
/// (Gemini reports no cost); the answer is the assistant text after the last tool call, with streamed deltas
/// concatenated.
/// </summary>
internal sealed class GeminiStreamParser() : JsonStreamParser("Gemini")
{
    private readonly AnswerText answer = new("");
    private bool resultSeen;
    private string? status;
    private string? errorMessage;
    private string? errorType;
    private string? lastErrorEvent;
    private long? inputTokens;
    private long? outputTokens;

    public override AgentRunSummary Complete(int exitCode)
    {
        var reason = !resultSeen ? NoResultReason(exitCode)
            : status != "success" ? ResultFailure()
            : exitCode != 0 ? ExitFailure(exitCode)
            : null;
        return new AgentRunSummary(reason is not null, reason, answer.Value, inputTokens, outputTokens, null);
    }

    protected override void OnEvent(JsonElement line)
    {
        switch (line.String("type"))
        {
            case "message" when line.String("role") == "assistant" && line.String("content") is { } content:
                answer.Append(content);
                break;
            case "tool_use":
                answer.Break();
                break;
            case "error" when line.String("severity") != "warning":
                lastErrorEvent = line.String("message");
                break;
            case "result":
                OnResult(line);
                break;
        }
    }

    private void OnResult(JsonElement line)
    {
        resultSeen = true;
        status = line.String("status");
        errorMessage = line.Object("error")?.String("message");
        errorType = line.Object("error")?.String("type");
        var stats = line.Object("stats");
        inputTokens = stats?.FirstInt64("input_tokens", "inputTokens");
        outputTokens = stats?.FirstInt64("output_tokens", "outputTokens");
    }

    private string NoResultReason(int exitCode) =>
        lastErrorEvent is null
            ? EndedEarly("without a result", exitCode)
            : $"Gemini error: {LogText.Shorten(lastErrorEvent, LogText.ReasonLength)}";

    private string ResultFailure()
    {
        var message = errorMessage ?? lastErrorEvent;
        if (message is null)
        {
            return $"Gemini finished with status {status ?? "(none)"}";
        }

        var reason = $"Gemini failed: {LogText.Shorten(message, LogText.ReasonLength)}";
        return errorType is null ? reason : $"{reason} ({errorType})";
    }
}
