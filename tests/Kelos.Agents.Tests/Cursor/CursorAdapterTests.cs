namespace Kelos.Agents.Tests.Cursor;

public class CursorAdapterTests
{
    private readonly CursorAdapter adapter = new();

    [Fact]
    public void Prepare_Model_BuildsTheDocumentedCommandLine()
    {
        var launch = adapter.Prepare(RunContexts.Create("cursor", model: "sonnet-4.5", effort: "high"));

        Assert.Equal("agent", launch.FileName);
        Assert.Equal(
            ["-p", "--force", "--trust", "--sandbox", "disabled", "--output-format", "stream-json", RunContexts.Prompt, "--model", "sonnet-4.5"],
            launch.Arguments);
        Assert.Equal(new Dictionary<string, string> { ["HOME"] = RunContexts.Home }, launch.Environment);
        Assert.True(launch.CloseStdin);
    }

    [Fact]
    public void Prepare_NoModel_LeavesModelOut()
    {
        var launch = adapter.Prepare(RunContexts.Create("cursor"));

        Assert.Equal(["-p", "--force", "--trust", "--sandbox", "disabled", "--output-format", "stream-json", RunContexts.Prompt], launch.Arguments);
        Assert.Empty(launch.Files);
    }

    [Fact]
    public void Prepare_AgentsMdAndMcpServers_WritesAgentsMdAndMcpJson()
    {
        var launch = adapter.Prepare(RunContexts.Create("cursor", agentsMd: "No force pushes.", mcpServersJson: RunContexts.McpServers));

        Assert.Equal("No force pushes.", RunContexts.FileContent(launch, RunContexts.HomePath(".cursor", "AGENTS.md")));
        JsonAssert.Equivalent(
            """
            {"mcpServers": {
              "files": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/workspace"], "env": {"LOG_LEVEL": "warn"}},
              "github": {"url": "https://api.githubcopilot.com/mcp/", "headers": {"Authorization": "Bearer ghs_test"}},
              "events": {"url": "http://events.internal:8080/sse"}
            }}
            """,
            RunContexts.FileContent(launch, RunContexts.HomePath(".cursor", "mcp.json")));
    }

    [Theory]
    [InlineData("api-key")]
    [InlineData("oauth")]
    public void CredentialVariable_EitherType_IsCursorApiKey(string credentialType) =>
        Assert.Equal("CURSOR_API_KEY", adapter.CredentialVariable(credentialType));
}
