using System.Text.Json;
using Kelos.Agents.Streams;

namespace Kelos.Agents.OpenCode;

/// <summary>
/// Reads <c>opencode run --format json</c>: tokens and cost summed over <c>step_finish</c> events, the text
/// parts of the last step as the answer, <c>error</c> events as failure.
/// </summary>
internal sealed class OpenCodeStreamParser() : JsonStreamParser("OpenCode")
{
    private readonly AnswerText answer = new("\n");
    private long? inputTokens;
    private long? outputTokens;
    private decimal? cost;
    private string? error;

    public override AgentRunSummary Complete(int exitCode)
    {
        var reason = error is not null ? $"OpenCode error: {error}"
            : exitCode != 0 ? ExitFailure(exitCode)
            : null;
        return new AgentRunSummary(reason is not null, reason, answer.Value, inputTokens, outputTokens, cost);
    }

    protected override void OnEvent(JsonElement line)
    {
        var part = line.Object("part");
        switch (line.String("type"))
        {
            case "step_start":
                answer.Break();
                break;
            case "text" when part?.String("text") is { Length: > 0 } text:
                answer.Append(text);
                break;
            case "step_finish" when part is { } step:
                var tokens = step.Object("tokens");
                inputTokens = (inputTokens ?? 0) + (tokens?.Int64("input") ?? 0);
                outputTokens = (outputTokens ?? 0) + (tokens?.Int64("output") ?? 0);
                if (step.Decimal("cost") is { } stepCost)
                {
                    cost = (cost ?? 0) + stepCost;
                }

                break;
            case "error":
                error = LogText.Shorten(ErrorMessage(line), LogText.ReasonLength);
                break;
        }
    }

    /// <summary>
    /// <c>error.data.message</c> when there is one, else the error's name (e.g. <c>ProviderAuthError</c>); with the
    /// provider's HTTP status (<c>error.data.statusCode</c>) after it, since the message alone may not say it.
    /// </summary>
    public static string ErrorMessage(JsonElement line)
    {
        if (line.Property("error") is not { } error)
        {
            return "no message";
        }

        if (error.ValueKind == JsonValueKind.String)
        {
            return error.GetString()!;
        }

        var data = error.Object("data");
        var message = data?.String("message") ?? error.String("message") ?? error.String("name") ?? error.GetRawText();
        return data?.Int64("statusCode") is { } status ? $"{message} (HTTP {status})" : message;
    }
}
