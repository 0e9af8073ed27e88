namespace Kelos.Agents.Tests;

internal static class RunContexts
{
    public const string Home = "/runs/t1/home";
    public const string WorkDir = "/runs/t1/repo";
    public const string Prompt = "Fix the flaky test in parser.test.js";

    /// <summary>Two servers of each kind Kelos hands agents: a stdio one and a remote one with a header.</summary>
    public const string McpServers = """
        {"mcpServers": {
          "files": {"type": "stdio", "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/workspace"], "env": {"LOG_LEVEL": "warn"}},
          "github": {"type": "http", "url": "https://api.githubcopilot.com/mcp/", "headers": {"Authorization": "Bearer ghs_test"}},
          "events": {"type": "sse", "url": "http://events.internal:8080/sse"}
        }}
        """;

    public static AgentRunContext Create(
        string agentType,
        string? model = null,
        string? effort = null,
        IReadOnlyDictionary<string, string>? environment = null,
        string? agentsMd = null,
        string? mcpServersJson = null,
        IReadOnlyList<string>? pluginDirs = null) =>
        new(agentType, Prompt, model, effort, WorkDir, Home, environment ?? new Dictionary<string, string>(), agentsMd, mcpServersJson, pluginDirs);

    public static string HomePath(params string[] parts) => Path.Combine([Home, .. parts]);

    public static string FileContent(AgentLaunch launch, string path) =>
        launch.Files.Single(file => file.Path == path).Content;
}
