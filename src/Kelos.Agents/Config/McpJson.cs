using System.Text.Json.Nodes;

namespace Kelos.Agents.Config;

/// <summary>MCP servers in the JSON shapes the agents read under <c>mcpServers</c>.</summary>
internal static class McpJson
{
    /// <summary>
    /// Claude Code's shape (<c>type</c> stdio/http/sse with command/args/env or url/headers); Cursor's is the
    /// same without <c>type</c>, which it infers from <c>command</c> or <c>url</c>.
    /// </summary>
    public static JsonObject ClaudeStyle(IReadOnlyList<McpServer> servers, bool withType)
    {
        var result = new JsonObject();
        foreach (var server in servers)
        {
            var entry = new JsonObject();
            if (withType)
            {
                entry["type"] = server.Type;
            }

            AddTransport(entry, server, "url");
            result[server.Name] = entry;
        }

        return result;
    }

    /// <summary>Gemini CLI's shape: stdio as command/args/env, streamable HTTP as <c>httpUrl</c>, SSE as <c>url</c>.</summary>
    public static JsonObject Gemini(IReadOnlyList<McpServer> servers)
    {
        var result = new JsonObject();
        foreach (var server in servers)
        {
            var entry = new JsonObject();
            AddTransport(entry, server, server.Type == McpServer.Http ? "httpUrl" : "url");
            result[server.Name] = entry;
        }

        return result;
    }

    private static void AddTransport(JsonObject entry, McpServer server, string urlField)
    {
        if (server.IsStdio)
        {
            entry["command"] = server.Command;
            if (server.Args.Count > 0)
            {
                entry["args"] = ConfigJson.Strings(server.Args);
            }

            if (server.Env.Count > 0)
            {
                entry["env"] = ConfigJson.Map(server.Env);
            }

            return;
        }

        entry[urlField] = server.Url;
        if (server.Headers.Count > 0)
        {
            entry["headers"] = ConfigJson.Map(server.Headers);
        }
    }
}
