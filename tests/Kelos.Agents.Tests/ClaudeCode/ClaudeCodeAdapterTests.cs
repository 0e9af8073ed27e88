namespace Kelos.Agents.Tests.ClaudeCode;

public class ClaudeCodeAdapterTests
{
    private readonly ClaudeCodeAdapter adapter = new();

    [Fact]
    public void Prepare_ModelEffortAndPlugins_BuildsTheDocumentedCommandLine()
    {
        var context = RunContexts.Create("claude-code", model: "claude-opus-4-1", effort: "high", pluginDirs: ["/kelos/plugins/review", "/kelos/plugins/deploy"]);

        var launch = adapter.Prepare(context);

        Assert.Equal("claude", launch.FileName);
        Assert.Equal(
            [
                "--dangerously-skip-permissions", "--output-format", "stream-json", "--verbose", "-p", RunContexts.Prompt,
                "--model", "claude-opus-4-1", "--effort", "high",
                "--plugin-dir", "/kelos/plugins/review", "--plugin-dir", "/kelos/plugins/deploy",
            ],
            launch.Arguments);
        Assert.True(launch.CloseStdin);
    }

    [Fact]
    public void Prepare_NoModelEffortOrPlugins_LeavesTheirFlagsOut()
    {
        var launch = adapter.Prepare(RunContexts.Create("claude-code", model: " "));

        Assert.Equal(["--dangerously-skip-permissions", "--output-format", "stream-json", "--verbose", "-p", RunContexts.Prompt], launch.Arguments);
    }

    [Fact]
    public void Prepare_GatewayInEnvironment_AddsNothingButHome()
    {
        var environment = new Dictionary<string, string>
        {
            ["ANTHROPIC_BASE_URL"] = "http://127.0.0.1:8931",
            ["ANTHROPIC_API_KEY"] = "sk-test",
        };

        var launch = adapter.Prepare(RunContexts.Create("claude-code", environment: environment));

        Assert.Equal(new Dictionary<string, string> { ["HOME"] = RunContexts.Home }, launch.Environment);
        Assert.Empty(launch.Files);
    }

    [Fact]
    public void Prepare_AgentsMdAndMcpServers_WritesClaudeMdAndUserScopedMcpServers()
    {
        var context = RunContexts.Create("claude-code", agentsMd: "Always run the tests.\n", mcpServersJson: RunContexts.McpServers);

        var launch = adapter.Prepare(context);

        Assert.Equal(2, launch.Files.Count);
        Assert.Equal("Always run the tests.\n", RunContexts.FileContent(launch, RunContexts.HomePath(".claude", "CLAUDE.md")));
        JsonAssert.Equivalent(
            """
            {"mcpServers": {
              "files": {"type": "stdio", "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/workspace"], "env": {"LOG_LEVEL": "warn"}},
              "github": {"type": "http", "url": "https://api.githubcopilot.com/mcp/", "headers": {"Authorization": "Bearer ghs_test"}},
              "events": {"type": "sse", "url": "http://events.internal:8080/sse"}
            }}
            """,
            RunContexts.FileContent(launch, RunContexts.HomePath(".claude.json")));
    }

    [Fact]
    public void Prepare_ClaudeConfigDirSet_WritesIntoIt()
    {
        var environment = new Dictionary<string, string> { ["CLAUDE_CONFIG_DIR"] = "/etc/claude-run" };
        var context = RunContexts.Create("claude-code", environment: environment, agentsMd: "Be brief.", mcpServersJson: RunContexts.McpServers);

        var launch = adapter.Prepare(context);

        Assert.Equal(["/etc/claude-run/CLAUDE.md", "/etc/claude-run/.claude.json"], launch.Files.Select(file => file.Path));
    }

    [Theory]
    [InlineData("api-key", "ANTHROPIC_API_KEY")]
    [InlineData("oauth", "CLAUDE_CODE_OAUTH_TOKEN")]
    public void CredentialVariable_KnownType_IsTheDocumentedVariable(string credentialType, string variable) =>
        Assert.Equal(variable, adapter.CredentialVariable(credentialType));
}
