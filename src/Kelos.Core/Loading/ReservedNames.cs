namespace Kelos.Core.Loading;

/// <summary>Names Kelos sets itself; a user's value of the same name is refused at load time and dropped at run time.</summary>
public static class ReservedNames
{
    public static readonly IReadOnlySet<string> EnvironmentVariables = new HashSet<string>(StringComparer.Ordinal)
    {
        "KELOS_AGENT_TYPE", "KELOS_MODEL", "KELOS_EFFORT", "KELOS_BRANCH", "KELOS_BASE_BRANCH", "KELOS_UPSTREAM_REPO",
        "KELOS_AGENTS_MD", "KELOS_PLUGIN_DIR", "KELOS_MCP_SERVERS", "KELOS_SETUP_COMMAND", "KELOS_TASK_NAME",
        "GITHUB_TOKEN", "GH_TOKEN", "GH_ENTERPRISE_TOKEN", "GH_HOST", "KELOS_GITHUB_TOKEN_FILE",
        "ANTHROPIC_API_KEY", "CLAUDE_CODE_OAUTH_TOKEN", "CODEX_API_KEY", "CODEX_AUTH_JSON", "GEMINI_API_KEY",
        "OPENCODE_API_KEY", "CURSOR_API_KEY",
    };
}
