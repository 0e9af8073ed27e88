namespace Kelos.Testing;

/// <summary>
/// Runs the real Claude Code CLI (<c>claude -p</c>, stream-json) in an <see cref="AgentSandbox"/>. Needs:
/// <c>ANTHROPIC_BASE_URL</c> (the server root), any <c>ANTHROPIC_API_KEY</c>,
/// <c>CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1</c>, and <c>IS_SANDBOX=1</c> when running as root.
/// </summary>
public static class ClaudeCodeCli
{
    /// <summary>Runs one prompt to completion; the result line is the last line with <c>"type":"result"</c>.</summary>
    public static Task<CommandResult> RunAsync(AgentSandbox sandbox, string prompt, CancellationToken cancellationToken = default) =>
        sandbox.RunAsync(
            "claude",
            ["--dangerously-skip-permissions", "--output-format", "stream-json", "--verbose", "-p", prompt],
            new Dictionary<string, string?>
            {
                ["ANTHROPIC_BASE_URL"] = sandbox.ServerRoot,
                ["ANTHROPIC_API_KEY"] = "test",
                ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
                // Claude refuses --dangerously-skip-permissions as root unless told it runs in a sandbox.
                ["IS_SANDBOX"] = "1",
            },
            cancellationToken);
}
