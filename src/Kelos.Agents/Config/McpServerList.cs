using System.Text.Json;
using Kelos.Agents.Streams;

namespace Kelos.Agents.Config;

/// <summary>Reads the merged MCP servers Kelos hands every agent as <c>{"mcpServers": {name: {...}}}</c>.</summary>
internal static class McpServerList
{
    /// <summary>The servers in file order; none when <paramref name="json"/> is null or blank.</summary>
    /// <exception cref="ArgumentException">The JSON is malformed or not in the documented shape (the message says which).</exception>
    public static IReadOnlyList<McpServer> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"MCP servers JSON is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.Object("mcpServers") is not { } servers)
            {
                throw new ArgumentException("MCP servers JSON must look like {\"mcpServers\": {\"name\": {...}}}.");
            }

            return servers.EnumerateObject().Select(server => Read(server.Name, server.Value)).ToList();
        }
    }

    private static McpServer Read(string name, JsonElement server)
    {
        if (server.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"MCP server \"{name}\" must be a JSON object.");
        }

        var command = server.String("command");
        var url = server.String("url") ?? server.String("httpUrl");
        var type = server.String("type") ?? (command is null && url is not null ? McpServer.Http : McpServer.Stdio);
        if (type is not (McpServer.Stdio or McpServer.Http or McpServer.Sse))
        {
            throw new ArgumentException($"MCP server \"{name}\" has type \"{type}\"; expected stdio, http or sse.");
        }

        if (type == McpServer.Stdio ? command is null : url is null)
        {
            var needed = type == McpServer.Stdio ? "a command" : "a url";
            throw new ArgumentException($"MCP server \"{name}\" of type {type} needs {needed}.");
        }

        var args = server.Array("args")
            .Where(arg => arg.ValueKind == JsonValueKind.String)
            .Select(arg => arg.GetString()!)
            .ToList();
        return new McpServer(name, type, command, args, url, Map(server, "headers"), Map(server, "env"));
    }

    private static Dictionary<string, string> Map(JsonElement server, string field)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (server.Object(field) is { } values)
        {
            foreach (var entry in values.EnumerateObject())
            {
                map[entry.Name] = entry.Value.ValueKind == JsonValueKind.String
                    ? entry.Value.GetString()!
                    : entry.Value.GetRawText();
            }
        }

        return map;
    }
}
