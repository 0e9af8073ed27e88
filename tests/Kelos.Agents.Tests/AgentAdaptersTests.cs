namespace Kelos.Agents.Tests;

public class AgentAdaptersTests
{
    [Theory]
    [InlineData("claude-code", typeof(ClaudeCodeAdapter))]
    [InlineData("codex", typeof(CodexAdapter))]
    [InlineData("gemini", typeof(GeminiAdapter))]
    [InlineData("opencode", typeof(OpenCodeAdapter))]
    [InlineData("cursor", typeof(CursorAdapter))]
    public void For_KnownType_ReturnsItsAdapter(string agentType, Type adapterType)
    {
        var adapter = AgentAdapters.For(agentType);

        Assert.IsType(adapterType, adapter);
        Assert.Equal(agentType, adapter.AgentType);
    }

    [Fact]
    public void For_UnknownType_ThrowsNamingItAndListingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => AgentAdapters.For("aider"));

        Assert.Equal("agentType", error.ParamName);
        Assert.StartsWith("Unknown agent type \"aider\"; known types: claude-code, codex, gemini, opencode, cursor.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_HasOneAdapterPerAgentType()
    {
        Assert.Equal(["claude-code", "codex", "gemini", "opencode", "cursor"], AgentAdapters.All.Select(adapter => adapter.AgentType));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("API-KEY")]
    [InlineData("")]
    public void CredentialVariable_UnknownCredentialType_Throws(string credentialType)
    {
        foreach (var adapter in AgentAdapters.All)
        {
            var error = Assert.Throws<ArgumentException>(() => adapter.CredentialVariable(credentialType));
            Assert.Contains(adapter.AgentType, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("""{"servers": {}}""", "{\"mcpServers\"")]
    [InlineData("""{"mcpServers": {"db": {"type": "grpc", "url": "x"}}}""", "MCP server \"db\" has type \"grpc\"")]
    [InlineData("""{"mcpServers": {"db": {"type": "stdio"}}}""", "MCP server \"db\" of type stdio needs a command")]
    [InlineData("""{"mcpServers": {"db": {"type": "http"}}}""", "MCP server \"db\" of type http needs a url")]
    public void Prepare_BadMcpServersJson_ThrowsSayingWhatIsWrong(string json, string expected)
    {
        foreach (var adapter in AgentAdapters.All)
        {
            var context = RunContexts.Create(adapter.AgentType, mcpServersJson: json);

            var error = Assert.Throws<ArgumentException>(() => adapter.Prepare(context));

            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Prepare_ServerWithoutType_IsInferredFromCommandOrUrl()
    {
        const string json = """{"mcpServers": {"local": {"command": "mcp-local"}, "remote": {"url": "https://mcp.example/mcp"}}}""";

        var launch = new ClaudeCodeAdapter().Prepare(RunContexts.Create("claude-code", mcpServersJson: json));

        JsonAssert.Equivalent(
            """{"mcpServers": {"local": {"type": "stdio", "command": "mcp-local"}, "remote": {"type": "http", "url": "https://mcp.example/mcp"}}}""",
            RunContexts.FileContent(launch, RunContexts.HomePath(".claude.json")));
    }
}
