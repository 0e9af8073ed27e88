using System.Text.Json;

namespace Kelos.Testing.Tests;

/// <summary>Runs the real Claude Code CLI against a sandbox's scripted model server and reads its stream.</summary>
public static class ClaudeCodeRun
{
    public static async Task<(CommandResult Process, JsonElement Result)> RunAsync(AgentSandbox sandbox, string prompt)
    {
        var process = await sandbox.RunAsync(
            "claude",
            ["--dangerously-skip-permissions", "--output-format", "stream-json", "--verbose", "-p", prompt],
            new Dictionary<string, string?>
            {
                ["ANTHROPIC_BASE_URL"] = sandbox.ServerRoot,
                ["ANTHROPIC_API_KEY"] = "test",
                ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
                // We run as root; Claude refuses --dangerously-skip-permissions as root outside a sandbox.
                ["IS_SANDBOX"] = "1",
            });
        var result = StreamJson.LastOfType(process, "result");
        Assert.True(result.HasValue, $"Claude printed no result line: {process}");
        return (process, result.Value);
    }
}
