namespace Kelos.Agents.Tests.OpenCode;

public class OpenCodeAdapterTests
{
    private static readonly string ConfigPath = RunContexts.HomePath(".config", "opencode", "opencode.json");
    private readonly OpenCodeAdapter adapter = new();

    [Fact]
    public void Prepare_Model_BuildsTheDocumentedCommandLine()
    {
        var environment = new Dictionary<string, string> { ["KELOS_TASK_NAME"] = "fix-flaky-test" };

        var launch = adapter.Prepare(RunContexts.Create("opencode", model: "anthropic/claude-sonnet-4-5", environment: environment));

        Assert.Equal("opencode", launch.FileName);
        Assert.Equal(
            ["run", "--format", "json", RunContexts.Prompt, "--model", "anthropic/claude-sonnet-4-5", "--pure", "--title", "kelos fix-flaky-test"],
            launch.Arguments);
        Assert.True(launch.CloseStdin);
    }

    [Fact]
    public void Prepare_NoModel_LeavesModelOutAndTitlesTheSession()
    {
        var launch = adapter.Prepare(RunContexts.Create("opencode"));

        Assert.Equal(["run", "--format", "json", RunContexts.Prompt, "--pure", "--title", "kelos"], launch.Arguments);
    }

    [Fact]
    public void Prepare_Always_PointsOpenCodeConfigAtItsFileAndTurnsOffDownloads()
    {
        var launch = adapter.Prepare(RunContexts.Create("opencode"));

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["HOME"] = RunContexts.Home,
                ["OPENCODE_CONFIG"] = ConfigPath,
                ["OPENCODE_DISABLE_MODELS_FETCH"] = "1",
                ["OPENCODE_DISABLE_AUTOUPDATE"] = "1",
                ["OPENCODE_DISABLE_LSP_DOWNLOAD"] = "1",
                ["OPENCODE_DISABLE_DEFAULT_PLUGINS"] = "1",
            },
            launch.Environment);
        JsonAssert.Equivalent(
            """
            {
              "$schema": "https://opencode.ai/config.json",
              "autoupdate": false,
              "share": "disabled",
              "permission": {"bash": "allow", "edit": "allow"}
            }
            """,
            RunContexts.FileContent(launch, ConfigPath));
    }

    [Theory]
    [InlineData("anthropic/claude-sonnet-4-5")]
    [InlineData(null)]
    public void Prepare_AnthropicBaseUrlWithAnthropicModel_PointsTheProviderAtTheGateway(string? model)
    {
        var environment = new Dictionary<string, string> { ["ANTHROPIC_BASE_URL"] = "http://127.0.0.1:8931/" };

        var launch = adapter.Prepare(RunContexts.Create("opencode", model: model, environment: environment));

        JsonAssert.Equivalent(
            """
            {
              "$schema": "https://opencode.ai/config.json",
              "autoupdate": false,
              "share": "disabled",
              "permission": {"bash": "allow", "edit": "allow"},
              "provider": {"anthropic": {"options": {"baseURL": "http://127.0.0.1:8931/v1"}}}
            }
            """,
            RunContexts.FileContent(launch, ConfigPath));
    }

    [Fact]
    public void Prepare_AnthropicBaseUrlWithOtherProvidersModel_LeavesProvidersAlone()
    {
        var environment = new Dictionary<string, string> { ["ANTHROPIC_BASE_URL"] = "http://127.0.0.1:8931" };

        var config = RunContexts.FileContent(adapter.Prepare(RunContexts.Create("opencode", model: "openai/gpt-5", environment: environment)), ConfigPath);

        Assert.DoesNotContain("provider", config, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_AgentsMdAndMcpServers_WritesAgentsMdAndMcpInOpenCodesShape()
    {
        var launch = adapter.Prepare(RunContexts.Create("opencode", agentsMd: "Keep diffs small.", mcpServersJson: RunContexts.McpServers));

        Assert.Equal("Keep diffs small.", RunContexts.FileContent(launch, RunContexts.HomePath(".config", "opencode", "AGENTS.md")));
        JsonAssert.Equivalent(
            """
            {
              "$schema": "https://opencode.ai/config.json",
              "autoupdate": false,
              "share": "disabled",
              "permission": {"bash": "allow", "edit": "allow"},
              "mcp": {
                "files": {"type": "local", "command": ["npx", "-y", "@modelcontextprotocol/server-filesystem", "/workspace"], "environment": {"LOG_LEVEL": "warn"}, "enabled": true},
                "github": {"type": "remote", "url": "https://api.githubcopilot.com/mcp/", "headers": {"Authorization": "Bearer ghs_test"}, "enabled": true},
                "events": {"type": "remote", "url": "http://events.internal:8080/sse", "enabled": true}
              }
            }
            """,
            RunContexts.FileContent(launch, ConfigPath));
    }

    [Theory]
    [InlineData("anthropic/claude-sonnet-4-5", "ANTHROPIC_API_KEY")]
    [InlineData(null, "ANTHROPIC_API_KEY")]
    [InlineData("openai/gpt-5", "OPENAI_API_KEY")]
    [InlineData("google/gemini-2.5-pro", "GEMINI_API_KEY")]
    public void Prepare_OpenCodeApiKey_FillsTheProvidersVariable(string? model, string variable)
    {
        var environment = new Dictionary<string, string> { ["OPENCODE_API_KEY"] = "sk-test" };

        var launch = adapter.Prepare(RunContexts.Create("opencode", model: model, environment: environment));

        Assert.Equal("sk-test", launch.Environment[variable]);
    }

    [Theory]
    [InlineData("opencode/grok-code")]
    [InlineData("mystery/model-1")]
    public void Prepare_OpenCodeApiKeyForZenOrUnknownProvider_FillsNothing(string model)
    {
        var environment = new Dictionary<string, string> { ["OPENCODE_API_KEY"] = "sk-test" };

        var launch = adapter.Prepare(RunContexts.Create("opencode", model: model, environment: environment));

        Assert.DoesNotContain(launch.Environment.Keys, key => key.EndsWith("_API_KEY", StringComparison.Ordinal));
    }

    [Fact]
    public void Prepare_ProviderKeyAlreadySet_IsNotOverridden()
    {
        var environment = new Dictionary<string, string> { ["OPENCODE_API_KEY"] = "sk-test", ["ANTHROPIC_API_KEY"] = "sk-own" };

        var launch = adapter.Prepare(RunContexts.Create("opencode", environment: environment));

        Assert.False(launch.Environment.ContainsKey("ANTHROPIC_API_KEY"));
    }

    [Theory]
    [InlineData("api-key")]
    [InlineData("oauth")]
    public void CredentialVariable_EitherType_IsOpenCodeApiKey(string credentialType) =>
        Assert.Equal("OPENCODE_API_KEY", adapter.CredentialVariable(credentialType));
}
