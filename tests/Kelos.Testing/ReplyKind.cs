namespace Kelos.Testing;

/// <summary>The shape of one scripted reply; each protocol renders it in its own format.</summary>
internal enum ReplyKind
{
    /// <summary>A shell tool call with <see cref="ModelReply.Text"/> as the command.</summary>
    ToolCall,

    /// <summary>A final text answer.</summary>
    Text,

    /// <summary>An HTTP error with <see cref="ModelReply.Status"/> and the provider's error body.</summary>
    HttpError,

    /// <summary>Wait until the client hangs up (or the delay passes), then answer with text.</summary>
    Slow,

    /// <summary>
    /// A text reply that does not finish the turn: Anthropic ends it with <c>stop_reason: tool_use</c> but no tool
    /// call; OpenAI and Gemini end the stream before it completes.
    /// </summary>
    Unfinished,
}
