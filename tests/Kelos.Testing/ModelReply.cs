namespace Kelos.Testing;

/// <summary>One scripted reply, independent of the protocol it is rendered in.</summary>
/// <param name="Kind">The shape of the reply.</param>
/// <param name="Text">The command (tool call) or the answer text.</param>
/// <param name="Status">The HTTP status for <see cref="ReplyKind.HttpError"/>; 200 otherwise.</param>
internal sealed record ModelReply(ReplyKind Kind, string Text, int Status = 200)
{
    /// <summary>The short description sent along with a tool call, where the tool takes one.</summary>
    public const string ToolDescription = "Run the scripted command";

    /// <summary>The reply to a request whose body is not a JSON object.</summary>
    public static ModelReply NotJson { get; } = new(ReplyKind.HttpError, "The request body is not a JSON object", 400);
}
