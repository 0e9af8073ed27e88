namespace Kelos.Cli.Tests.RealAgents;

/// <summary>
/// One real agent CLI as a Task names it: its type, the CLI on disk, the key its credentials Secret holds, the model,
/// and the gateway variables that point it at the scripted model server (what a team sets for its own gateway).
/// </summary>
/// <param name="Type">The Task's <c>spec.type</c>.</param>
/// <param name="Cli">The binary <c>scripts/install-agents.sh</c> installs (see <c>AgentClis</c>).</param>
/// <param name="SecretKey">The key of the credentials Secret for <c>type: api-key</c>.</param>
/// <param name="Model">The Task's <c>spec.model</c>, or null for the CLI's default.</param>
/// <param name="Gateway">The <c>podOverrides.env</c> entries, given the server's root without a trailing slash.</param>
/// <param name="ReportsCost">Whether the CLI's stream carries a cost (Claude Code, OpenCode).</param>
public sealed record RealAgent(string Type, string Cli, string SecretKey, string? Model, Func<string, IReadOnlyDictionary<string, string>> Gateway, bool ReportsCost)
{
    public static RealAgent ClaudeCode { get; } = new(
        "claude-code",
        "claude",
        "ANTHROPIC_API_KEY",
        null,
        root => new Dictionary<string, string> { ["ANTHROPIC_BASE_URL"] = root, ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1" },
        ReportsCost: true);

    /// <summary>Codex ignores <c>OPENAI_BASE_URL</c> itself; Kelos turns it into a provider in <c>config.toml</c>.</summary>
    public static RealAgent Codex { get; } = new(
        "codex",
        "codex",
        "CODEX_API_KEY",
        null,
        root => new Dictionary<string, string> { ["OPENAI_BASE_URL"] = root + "/v1" },
        ReportsCost: false);

    public static RealAgent Gemini { get; } = new(
        "gemini",
        "gemini",
        "GEMINI_API_KEY",
        "gemini-2.5-flash",
        root => new Dictionary<string, string> { ["GOOGLE_GEMINI_BASE_URL"] = root },
        ReportsCost: false);

    /// <summary>OpenCode with an Anthropic model reaches the gateway named by <c>ANTHROPIC_BASE_URL</c>.</summary>
    public static RealAgent OpenCode { get; } = new(
        "opencode",
        "opencode",
        "OPENCODE_API_KEY",
        "anthropic/claude-sonnet-4-5",
        root => new Dictionary<string, string> { ["ANTHROPIC_BASE_URL"] = root },
        ReportsCost: true);
}
