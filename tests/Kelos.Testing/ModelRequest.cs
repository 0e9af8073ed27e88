namespace Kelos.Testing;

/// <summary>What the scripted model reads from a request, whatever the protocol.</summary>
/// <param name="UserText">All user-written text of the conversation, in order (tool results excluded). The prompt is in it.</param>
/// <param name="ShellTool">The name of the shell tool the request offers, or null when it offers none.</param>
/// <param name="ToolOutput">The last tool result's text, or null when the conversation has no tool result yet.</param>
internal sealed record ModelRequest(string UserText, string? ShellTool, string? ToolOutput);
