using System.Text.Json.Nodes;
using Kelos.Agents.ClaudeCode;
using Kelos.Agents.Config;
using Kelos.Agents.Cursor;
using Kelos.Agents.Streams;

namespace Kelos.Agents;

/// <summary>
/// Cursor CLI: <c>agent -p --force --trust --sandbox disabled --output-format stream-json PROMPT [--model M]</c>.
/// Its stream has Claude Code's shape (camelCase usage, no cost), so it is read the same way. Cursor has no
/// effort switch, so <see cref="AgentRunContext.Effort"/> is ignored.
/// </summary>
/// <remarks>
/// Instructions go to <c>~/.cursor/AGENTS.md</c>; MCP servers to the user-scoped <c>~/.cursor/mcp.json</c> under
/// <c>mcpServers</c> (command/args/env or url/headers; Cursor infers the transport).
/// </remarks>
public sealed class CursorAdapter : IAgentAdapter
{
    public const string Type = "cursor";

    public string AgentType => Type;

    public string CredentialVariable(string credentialType) =>
        CredentialTypes.Pick(Type, credentialType, "CURSOR_API_KEY", "CURSOR_API_KEY");

    public AgentLaunch Prepare(AgentRunContext context)
    {
        var launch = new LaunchBuilder(context, "-p", "--force", "--trust", "--sandbox", "disabled", "--output-format", "stream-json", context.Prompt)
            .Option("--model", context.Model);
        launch.Instructions(launch.Home(".cursor", "AGENTS.md"));
        var servers = McpServerList.Parse(context.McpServersJson);
        if (servers.Count > 0)
        {
            var config = new JsonObject { ["mcpServers"] = McpJson.ClaudeStyle(servers, withType: false) };
            launch.File(launch.Home(".cursor", "mcp.json"), ConfigJson.Write(config));
        }

        return launch.Build("agent");
    }

    public IAgentStreamParser CreateParser() => new ClaudeStreamParser("Cursor");

    public IReadOnlyList<AgentLogEntry> FormatLogLine(string line) => LogLines.Format(line, CursorLogFormatter.Format);
}
