namespace Kelos.Agents;

/// <summary>
/// Everything an adapter needs to prepare one agent run. Plain values: the caller has already resolved
/// secrets, merged AgentConfigs and decided the directories.
/// </summary>
/// <param name="AgentType">claude-code, codex, gemini, opencode or cursor.</param>
/// <param name="Prompt">The rendered prompt.</param>
/// <param name="WorkDir">The clone (the agent's working directory).</param>
/// <param name="HomeDir">A fresh, empty home directory for this run.</param>
/// <param name="Environment">The environment the agent will get (credentials, KELOS_*, user env). Adapters read
/// it to derive config (e.g. a gateway base URL) and may add to it through <see cref="AgentLaunch.Environment"/>.</param>
/// <param name="AgentsMd">Merged user-level instructions, or null.</param>
/// <param name="McpServersJson">Merged MCP servers as <c>{"mcpServers": {...}}</c>, or null.</param>
/// <param name="PluginDirs">Directories laid out as plugins (claude-code's --plugin-dir).</param>
public sealed record AgentRunContext(
    string AgentType,
    string Prompt,
    string? Model,
    string? Effort,
    string WorkDir,
    string HomeDir,
    IReadOnlyDictionary<string, string> Environment,
    string? AgentsMd = null,
    string? McpServersJson = null,
    IReadOnlyList<string>? PluginDirs = null);
