using static Kelos.Runtime.Kubernetes.Tests.JobFixture;

namespace Kelos.Runtime.Kubernetes.Tests;

public sealed class AgentTypeTests
{
    [Theory]
    [InlineData("claude-code", "api-key", "ANTHROPIC_API_KEY")]
    [InlineData("claude-code", "oauth", "CLAUDE_CODE_OAUTH_TOKEN")]
    [InlineData("codex", "api-key", "CODEX_API_KEY")]
    [InlineData("codex", "oauth", "CODEX_AUTH_JSON")]
    [InlineData("gemini", "api-key", "GEMINI_API_KEY")]
    [InlineData("gemini", "oauth", "GEMINI_API_KEY")]
    [InlineData("opencode", "api-key", "OPENCODE_API_KEY")]
    [InlineData("opencode", "oauth", "OPENCODE_API_KEY")]
    [InlineData("cursor", "api-key", "CURSOR_API_KEY")]
    [InlineData("cursor", "oauth", "CURSOR_API_KEY")]
    public void Build_EachAgentType_StockImageTypeAndCredentialFromTheSecret(string type, string credentialType, string variable)
    {
        var job = Build(Task(type).Replace("type: api-key", $"type: {credentialType}", StringComparison.Ordinal));
        var agent = Agent(job);

        Assert.Equal($"ghcr.io/kelos-dev/kelos-agent-{type}:v0.1.0", agent.Image);
        Assert.Equal(type, Env(agent, "KELOS_AGENT_TYPE").Value);
        var reference = Env(agent, variable).ValueFrom.SecretKeyRef;
        Assert.Equal(("model-key", variable), (reference.Name, reference.Key));
        Assert.Equal(["Fix the bug; don't break 'quotes'"], agent.Args);
        Assert.DoesNotContain(agent.Env, e => e.Value is not null && e.Value.Contains("/home/agent/", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_CredentialsNone_NoCredentialVariable()
    {
        var agent = Agent(Build(Task().Replace("    type: api-key\n    secretRef:\n      name: model-key\n", "    type: none\n", StringComparison.Ordinal)));

        Assert.DoesNotContain(agent.Env, e => e.Name == "ANTHROPIC_API_KEY" || e.ValueFrom?.SecretKeyRef?.Name == "model-key");
    }

    [Fact]
    public void Build_OpenCode_AdapterSwitchesWithoutConfigPaths()
    {
        var agent = Agent(Build(Task("opencode")));

        Assert.Equal("1", Env(agent, "OPENCODE_DISABLE_AUTOUPDATE").Value);
        Assert.DoesNotContain(agent.Env, e => e.Name == "OPENCODE_CONFIG");
    }

    [Fact]
    public void AgentImages_ConfiguredOverride_UsedForThatTypeOnly()
    {
        var images = new AgentImages { Overrides = new Dictionary<string, string> { ["codex"] = "mirror.example.com/codex:7" } };

        Assert.Equal("mirror.example.com/codex:7", images.For(Input(Task("codex")).Task));
        Assert.Equal("ghcr.io/kelos-dev/kelos-agent-gemini:v0.1.0", images.For(Input(Task("gemini")).Task));
    }

    [Fact]
    public void AgentImages_StockRepositoryAnyTagOrDigest_IsBundled()
    {
        var images = new AgentImages { Overrides = new Dictionary<string, string> { ["codex"] = "mirror.example.com/kelos-dev/kelos-agent-codex:7" } };
        var gemini = Input(Task("gemini")).Task;
        var pinned = Input(Task("claude-code")).Task;
        pinned.Spec.Image = "ghcr.io/kelos-dev/kelos-agent-claude-code@sha256:abc";
        var custom = Input(Task("claude-code")).Task;
        custom.Spec.Image = "ghcr.io/kelos-dev/kelos-agent-claude-code-custom:1";

        Assert.True(images.IsBundled(gemini));
        Assert.True(images.IsBundled(pinned));
        Assert.False(images.IsBundled(custom));
        Assert.False(images.IsBundled(Input(Task("codex")).Task));
        Assert.True(new AgentImages { Registry = "mirror.example.com/kelos-dev" }.IsBundled(Input(Task("codex")).Task));
    }
}
