using System.Collections.Frozen;

namespace Kelos.Core.Loading;

/// <summary>Names Kelos sets or creates itself, which users may not take in <c>podOverrides</c> or Workspaces.</summary>
public static class ReservedNames
{
    /// <summary>Prefix of every container and volume name Kelos owns.</summary>
    public const string KelosPrefix = "kelos-";

    /// <summary>The remote name of the cloned repository.</summary>
    public const string OriginRemote = "origin";

    /// <summary>Environment variables Kelos sets in the agent's environment (agent-interface.md), credentials included.</summary>
    public static readonly FrozenSet<string> EnvironmentVariables = FrozenSet.Create(
        StringComparer.Ordinal,
        "KELOS_AGENT_TYPE",
        "KELOS_MODEL",
        "KELOS_EFFORT",
        "KELOS_BRANCH",
        "KELOS_BASE_BRANCH",
        "KELOS_UPSTREAM_REPO",
        "KELOS_AGENTS_MD",
        "KELOS_PLUGIN_DIR",
        "KELOS_MCP_SERVERS",
        "KELOS_SETUP_COMMAND",
        "KELOS_TASK_NAME",
        "KELOS_GITHUB_TOKEN_FILE",
        "GITHUB_TOKEN",
        "GH_TOKEN",
        "GH_ENTERPRISE_TOKEN",
        "GH_HOST",
        "ANTHROPIC_API_KEY",
        "CLAUDE_CODE_OAUTH_TOKEN",
        "CODEX_API_KEY",
        "CODEX_AUTH_JSON",
        "GEMINI_API_KEY",
        "OPENCODE_API_KEY",
        "CURSOR_API_KEY");

    /// <summary>The init containers Kelos adds before the agent.</summary>
    public static readonly FrozenSet<string> InitContainers = FrozenSet.Create(
        StringComparer.Ordinal,
        "git-clone",
        "remote-setup",
        "branch-setup",
        "workspace-files",
        "plugin-setup",
        "skills-install");

    /// <summary>The volumes Kelos mounts into the agent's pod.</summary>
    public static readonly FrozenSet<string> Volumes = FrozenSet.Create(StringComparer.Ordinal, "workspace", "kelos-plugin");
}
