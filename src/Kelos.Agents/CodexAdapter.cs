using Kelos.Agents.Codex;
using Kelos.Agents.Config;
using Kelos.Agents.Streams;

namespace Kelos.Agents;

/// <summary>
/// OpenAI Codex: <c>codex exec --dangerously-bypass-approvals-and-sandbox --json PROMPT [--model M]
/// [-c model_reasoning_effort="E"]</c> plus <c>-c features.*=false</c> switches that keep it from reaching for
/// plugins, apps and updates; stdin is closed (it otherwise waits for more input).
/// </summary>
/// <remarks>
/// <c>CODEX_HOME</c> is always <c>~/.codex</c>, holding <c>AGENTS.md</c> (instructions), <c>config.toml</c>
/// (no update check, no analytics, MCP servers as <c>[mcp_servers.NAME]</c>, and a <c>kelos</c> model provider
/// when <c>OPENAI_BASE_URL</c> is set, since Codex reads a base URL only from its config) and, for OAuth
/// credentials, <c>auth.json</c> from <c>CODEX_AUTH_JSON</c>.
/// </remarks>
public sealed class CodexAdapter : IAgentAdapter
{
    public const string Type = "codex";

    private static readonly string[] FeatureSwitches =
    [
        "-c", "features.plugins=false",
        "-c", "features.remote_plugin=false",
        "-c", "features.apps=false",
        "-c", "features.in_app_updates=false",
    ];

    public string AgentType => Type;

    public string CredentialVariable(string credentialType) =>
        CredentialTypes.Pick(Type, credentialType, "CODEX_API_KEY", "CODEX_AUTH_JSON");

    public AgentLaunch Prepare(AgentRunContext context)
    {
        var launch = new LaunchBuilder(context, "exec", "--dangerously-bypass-approvals-and-sandbox", "--json", context.Prompt)
            .Option("--model", context.Model);
        if (!string.IsNullOrWhiteSpace(context.Effort))
        {
            launch.Add("-c", $"model_reasoning_effort={TomlText.Quote(context.Effort)}");
        }

        launch.Add(FeatureSwitches);
        var codexHome = launch.Home(".codex");
        launch.Set("CODEX_HOME", codexHome)
            .Instructions(Path.Combine(codexHome, "AGENTS.md"))
            .File(Path.Combine(codexHome, "config.toml"), CodexConfigToml.Build(context.Environment, McpServerList.Parse(context.McpServersJson)));

        // The secret may hold raw newlines; Codex's strict JSON reader wants them gone.
        if (context.Environment.GetValueOrDefault("CODEX_AUTH_JSON") is { Length: > 0 } authJson)
        {
            launch.File(Path.Combine(codexHome, "auth.json"), authJson.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
        }

        return launch.Build("codex");
    }

    public IAgentStreamParser CreateParser() => new CodexStreamParser();

    public IReadOnlyList<AgentLogEntry> FormatLogLine(string line) => LogLines.Format(line, CodexLogFormatter.Format);
}
