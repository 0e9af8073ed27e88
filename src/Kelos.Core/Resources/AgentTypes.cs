namespace Kelos.Core.Resources;

/// <summary>The agent families a Task's <c>type</c> may name.</summary>
public static class AgentTypes
{
    public const string ClaudeCode = "claude-code";
    public const string Codex = "codex";
    public const string Gemini = "gemini";
    public const string OpenCode = "opencode";
    public const string Cursor = "cursor";

    public static readonly IReadOnlyList<string> All = [ClaudeCode, Codex, Gemini, OpenCode, Cursor];
}
