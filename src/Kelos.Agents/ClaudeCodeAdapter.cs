using System.Text.Json.Nodes;
using Kelos.Agents.ClaudeCode;
using Kelos.Agents.Config;
using Kelos.Agents.Streams;

namespace Kelos.Agents;

/// <summary>
/// Claude Code: <c>claude --dangerously-skip-permissions --output-format stream-json --verbose -p PROMPT
/// [--model M] [--effort E] [--plugin-dir D]...</c>.
/// </summary>
/// <remarks>
/// Instructions go to <c>~/.claude/CLAUDE.md</c>. MCP servers go to the user-scoped <c>~/.claude.json</c> under
/// <c>mcpServers</c> (Claude Code loads user-scoped servers without asking, and the repository's own
/// <c>.mcp.json</c> stays untouched); both move to <c>$CLAUDE_CONFIG_DIR</c> when the run's environment sets it.
/// A gateway needs nothing here: <c>ANTHROPIC_BASE_URL</c> in the environment passes through, and switches such
/// as <c>CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC</c> or <c>IS_SANDBOX</c> are the caller's choice.
/// </remarks>
public sealed class ClaudeCodeAdapter : IAgentAdapter
{
    public const string Type = "claude-code";

    public string AgentType => Type;

    public string CredentialVariable(string credentialType) =>
        CredentialTypes.Pick(Type, credentialType, "ANTHROPIC_API_KEY", "CLAUDE_CODE_OAUTH_TOKEN");

    public AgentLaunch Prepare(AgentRunContext context)
    {
        var launch = new LaunchBuilder(context, "--dangerously-skip-permissions", "--output-format", "stream-json", "--verbose", "-p", context.Prompt)
            .Option("--model", context.Model)
            .Option("--effort", context.Effort);
        foreach (var pluginDir in context.PluginDirs ?? [])
        {
            launch.Add("--plugin-dir", pluginDir);
        }

        var configDir = context.Environment.GetValueOrDefault("CLAUDE_CONFIG_DIR");
        configDir = string.IsNullOrWhiteSpace(configDir) ? null : configDir;
        launch.Instructions(configDir is null ? launch.Home(".claude", "CLAUDE.md") : Path.Combine(configDir, "CLAUDE.md"));
        var servers = McpServerList.Parse(context.McpServersJson);
        if (servers.Count > 0)
        {
            var settings = new JsonObject { ["mcpServers"] = McpJson.ClaudeStyle(servers, withType: true) };
            var path = configDir is null ? launch.Home(".claude.json") : Path.Combine(configDir, ".claude.json");
            launch.File(path, ConfigJson.Write(settings));
        }

        return launch.Build("claude");
    }

    public IAgentStreamParser CreateParser() => new ClaudeStreamParser("Claude Code");

    public IReadOnlyList<AgentLogEntry> FormatLogLine(string line) => LogLines.Format(line, ClaudeLogFormatter.Format);
}
