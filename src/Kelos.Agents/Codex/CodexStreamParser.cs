using System.Text.Json;
using Kelos.Agents.Streams;

namespace Kelos.Agents.Codex;

/// <summary>
/// Reads <c>codex exec --json</c>: usage summed over <c>turn.completed</c> events (Codex reports no cost), the
/// last <c>agent_message</c> as the answer, <c>turn.failed</c> as failure. A top-level <c>error</c> fails the run
/// unless a later turn completes: Codex prints its "Reconnecting... 1/5" retries as <c>error</c> events too.
/// </summary>
internal sealed class CodexStreamParser() : JsonStreamParser("Codex")
{
    private long? inputTokens;
    private long? outputTokens;
    private bool turnCompleted;
    private string? turnFailure;
    private string? pendingError;
    private string? lastAgentMessage;

    public override AgentRunSummary Complete(int exitCode)
    {
        var reason = turnFailure
            ?? (pendingError is null ? null : $"Codex error: {pendingError}")
            ?? (turnCompleted ? null : EndedEarly("without completing its turn", exitCode))
            ?? (exitCode != 0 ? ExitFailure(exitCode) : null);
        return new AgentRunSummary(reason is not null, reason, lastAgentMessage, inputTokens, outputTokens, null);
    }

    protected override void OnEvent(JsonElement line)
    {
        switch (line.String("type"))
        {
            case "turn.completed":
                turnCompleted = true;
                pendingError = null;
                var usage = line.Object("usage");
                inputTokens = (inputTokens ?? 0) + (usage?.Int64("input_tokens") ?? 0);
                outputTokens = (outputTokens ?? 0) + (usage?.Int64("output_tokens") ?? 0);
                break;
            case "turn.failed":
                var message = line.Object("error")?.String("message") ?? "no message";
                turnFailure = $"Codex turn failed: {LogText.Shorten(message, LogText.ReasonLength)}";
                break;
            case "error":
                pendingError = LogText.Shorten(line.String("message") ?? "no message", LogText.ReasonLength);
                break;
            case "item.completed" when line.Object("item") is { } item && item.String("type") == "agent_message":
                lastAgentMessage = item.String("text") ?? lastAgentMessage;
                break;
        }
    }
}
