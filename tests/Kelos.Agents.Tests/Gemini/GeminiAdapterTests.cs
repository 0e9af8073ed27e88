namespace Kelos.Agents.Tests.Gemini;

public class GeminiAdapterTests
{
    private static readonly string SettingsPath = RunContexts.HomePath(".gemini", "settings.json");
    private readonly GeminiAdapter adapter = new();

    [Fact]
    public void Prepare_Model_BuildsTheDocumentedCommandLine()
    {
        var launch = adapter.Prepare(RunContexts.Create("gemini", model: "gemini-2.5-flash", effort: "high"));

        Assert.Equal("gemini", launch.FileName);
        Assert.Equal(["--yolo", "--output-format", "stream-json", "-p", RunContexts.Prompt, "-m", "gemini-2.5-flash"], launch.Arguments);
        Assert.True(launch.CloseStdin);
    }

    [Fact]
    public void Prepare_NoModel_PassesTheDefaultModel()
    {
        var launch = adapter.Prepare(RunContexts.Create("gemini"));

        Assert.Equal(["-m", GeminiAdapter.DefaultModel], launch.Arguments.TakeLast(2));
        Assert.Equal("gemini-2.5-pro", GeminiAdapter.DefaultModel);
    }

    [Fact]
    public void Prepare_Always_TrustsTheWorkspaceAndWritesApiKeySettings()
    {
        var environment = new Dictionary<string, string> { ["GEMINI_API_KEY"] = "test" };

        var launch = adapter.Prepare(RunContexts.Create("gemini", environment: environment));

        Assert.Equal(
            new Dictionary<string, string> { ["HOME"] = RunContexts.Home, ["GEMINI_CLI_TRUST_WORKSPACE"] = "true" },
            launch.Environment);
        JsonAssert.Equivalent(
            """
            {
              "security": {"auth": {"selectedType": "gemini-api-key"}},
              "privacy": {"usageStatisticsEnabled": false},
              "telemetry": {"enabled": false}
            }
            """,
            RunContexts.FileContent(launch, SettingsPath));
    }

    [Fact]
    public void Prepare_GatewayBaseUrl_OneAttemptPerModelCall()
    {
        var environment = new Dictionary<string, string> { ["GOOGLE_GEMINI_BASE_URL"] = "http://127.0.0.1:8931", ["GEMINI_API_KEY"] = "test" };

        var launch = adapter.Prepare(RunContexts.Create("gemini", environment: environment));

        JsonAssert.Equivalent(
            """
            {
              "security": {"auth": {"selectedType": "gemini-api-key"}},
              "privacy": {"usageStatisticsEnabled": false},
              "telemetry": {"enabled": false},
              "general": {"maxAttempts": 1}
            }
            """,
            RunContexts.FileContent(launch, SettingsPath));
    }

    [Fact]
    public void Prepare_AgentsMdAndMcpServers_WritesGeminiMdAndMergesServersIntoSettings()
    {
        var launch = adapter.Prepare(RunContexts.Create("gemini", agentsMd: "Use pnpm.", mcpServersJson: RunContexts.McpServers));

        Assert.Equal("Use pnpm.", RunContexts.FileContent(launch, RunContexts.HomePath(".gemini", "GEMINI.md")));
        JsonAssert.Equivalent(
            """
            {
              "security": {"auth": {"selectedType": "gemini-api-key"}},
              "privacy": {"usageStatisticsEnabled": false},
              "telemetry": {"enabled": false},
              "mcpServers": {
                "files": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/workspace"], "env": {"LOG_LEVEL": "warn"}},
                "github": {"httpUrl": "https://api.githubcopilot.com/mcp/", "headers": {"Authorization": "Bearer ghs_test"}},
                "events": {"url": "http://events.internal:8080/sse"}
              }
            }
            """,
            RunContexts.FileContent(launch, SettingsPath));
    }

    [Theory]
    [InlineData("api-key")]
    [InlineData("oauth")]
    public void CredentialVariable_EitherType_IsGeminiApiKey(string credentialType) =>
        Assert.Equal("GEMINI_API_KEY", adapter.CredentialVariable(credentialType));
}
