namespace Kelos.Agents.Tests.Codex;

public class CodexAdapterTests
{
    private static readonly string CodexHome = RunContexts.HomePath(".codex");
    private static readonly string ConfigPath = Path.Combine(CodexHome, "config.toml");
    private readonly CodexAdapter adapter = new();

    [Fact]
    public void Prepare_ModelAndEffort_BuildsTheDocumentedCommandLine()
    {
        var launch = adapter.Prepare(RunContexts.Create("codex", model: "gpt-5-codex", effort: "high"));

        Assert.Equal("codex", launch.FileName);
        Assert.Equal(
            [
                "exec", "--dangerously-bypass-approvals-and-sandbox", "--json", RunContexts.Prompt,
                "--model", "gpt-5-codex", "-c", "model_reasoning_effort=\"high\"",
                "-c", "features.plugins=false", "-c", "features.remote_plugin=false",
                "-c", "features.apps=false", "-c", "features.in_app_updates=false",
            ],
            launch.Arguments);
        Assert.True(launch.CloseStdin);
    }

    [Fact]
    public void Prepare_NoModelOrEffort_LeavesTheirFlagsOut()
    {
        var launch = adapter.Prepare(RunContexts.Create("codex"));

        Assert.Equal(["exec", "--dangerously-bypass-approvals-and-sandbox", "--json", RunContexts.Prompt], launch.Arguments.Take(4));
        Assert.DoesNotContain("--model", launch.Arguments);
        Assert.DoesNotContain(launch.Arguments, argument => argument.StartsWith("model_reasoning_effort", StringComparison.Ordinal));
    }

    [Fact]
    public void Prepare_NoGateway_SetsCodexHomeAndWritesAQuietConfig()
    {
        var launch = adapter.Prepare(RunContexts.Create("codex"));

        Assert.Equal(new Dictionary<string, string> { ["HOME"] = RunContexts.Home, ["CODEX_HOME"] = CodexHome }, launch.Environment);
        Assert.Equal(
            """
            # Written by Kelos for this run.
            check_for_update_on_startup = false

            [analytics]
            enabled = false

            """.ReplaceLineEndings("\n"),
            RunContexts.FileContent(launch, ConfigPath));
    }

    [Fact]
    public void Prepare_OpenAiBaseUrl_WritesAModelProviderPointingAtIt()
    {
        var environment = new Dictionary<string, string>
        {
            ["OPENAI_BASE_URL"] = "http://127.0.0.1:8931/v1/",
            ["CODEX_API_KEY"] = "sk-test",
        };

        var launch = adapter.Prepare(RunContexts.Create("codex", environment: environment));

        Assert.Equal(
            """
            # Written by Kelos for this run.
            check_for_update_on_startup = false
            model_provider = "kelos"

            [analytics]
            enabled = false

            [model_providers.kelos]
            name = "kelos"
            base_url = "http://127.0.0.1:8931/v1"
            env_key = "CODEX_API_KEY"
            wire_api = "responses"
            supports_websockets = false
            request_max_retries = 0

            """.ReplaceLineEndings("\n"),
            RunContexts.FileContent(launch, ConfigPath));
    }

    [Fact]
    public void Prepare_GatewayWithOnlyOpenAiKey_NamesThatVariable()
    {
        var environment = new Dictionary<string, string>
        {
            ["OPENAI_BASE_URL"] = "https://gateway.example/v1",
            ["OPENAI_API_KEY"] = "sk-test",
        };

        var config = RunContexts.FileContent(adapter.Prepare(RunContexts.Create("codex", environment: environment)), ConfigPath);

        Assert.Contains("env_key = \"OPENAI_API_KEY\"\n", config, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_McpServers_WritesMcpServerTables()
    {
        var config = RunContexts.FileContent(adapter.Prepare(RunContexts.Create("codex", mcpServersJson: RunContexts.McpServers)), ConfigPath);

        Assert.EndsWith(
            """
            [mcp_servers.files]
            command = "npx"
            args = ["-y", "@modelcontextprotocol/server-filesystem", "/workspace"]
            env = { LOG_LEVEL = "warn" }

            [mcp_servers.github]
            url = "https://api.githubcopilot.com/mcp/"
            http_headers = { Authorization = "Bearer ghs_test" }

            [mcp_servers.events]
            url = "http://events.internal:8080/sse"

            """.ReplaceLineEndings("\n"),
            config,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_ServerNameAndValuesNeedingQuotes_AreEscaped()
    {
        const string servers = """{"mcpServers": {"my server": {"command": "run \"it\"", "env": {"PATH.EXTRA": "C:\\tools"}}}}""";

        var config = RunContexts.FileContent(adapter.Prepare(RunContexts.Create("codex", mcpServersJson: servers)), ConfigPath);

        Assert.Contains("[mcp_servers.\"my server\"]\ncommand = \"run \\\"it\\\"\"\nenv = { \"PATH.EXTRA\" = \"C:\\\\tools\" }\n", config, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_AgentsMdAndOAuthCredential_WritesAgentsMdAndAuthJson()
    {
        var environment = new Dictionary<string, string> { ["CODEX_AUTH_JSON"] = "{\n  \"tokens\": {\"access_token\": \"at\"}\n}\n" };

        var launch = adapter.Prepare(RunContexts.Create("codex", environment: environment, agentsMd: "Prefer small commits."));

        Assert.Equal("Prefer small commits.", RunContexts.FileContent(launch, Path.Combine(CodexHome, "AGENTS.md")));
        Assert.Equal("{  \"tokens\": {\"access_token\": \"at\"}}", RunContexts.FileContent(launch, Path.Combine(CodexHome, "auth.json")));
    }

    [Theory]
    [InlineData("api-key", "CODEX_API_KEY")]
    [InlineData("oauth", "CODEX_AUTH_JSON")]
    public void CredentialVariable_KnownType_IsTheDocumentedVariable(string credentialType, string variable) =>
        Assert.Equal(variable, adapter.CredentialVariable(credentialType));
}
