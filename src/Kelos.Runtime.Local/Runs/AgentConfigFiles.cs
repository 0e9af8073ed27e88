using System.Text.Json.Nodes;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;

namespace Kelos.Runtime.Local.Runs;

/// <summary>
/// Lays out the merged AgentConfig for a local run: plugins as <c>&lt;plugin&gt;/skills/&lt;skill&gt;/SKILL.md</c>
/// and <c>&lt;plugin&gt;/agents/&lt;name&gt;.md</c>, and MCP servers as <c>{"mcpServers": {...}}</c> with the values
/// of <c>headersFrom</c> and <c>envFrom</c> Secrets filled in.
/// </summary>
public static class AgentConfigFiles
{
    public static IReadOnlyList<string> WritePlugins(MergedAgentConfig? config, string pluginRoot)
    {
        var dirs = new List<string>();
        foreach (var plugin in config?.Plugins ?? [])
        {
            var dir = Path.Combine(pluginRoot, plugin.Name);
            foreach (var skill in plugin.Skills ?? [])
            {
                Write(Path.Combine(dir, "skills", skill.Name, "SKILL.md"), skill.Content);
            }

            foreach (var agent in plugin.Agents ?? [])
            {
                Write(Path.Combine(dir, "agents", agent.Name + ".md"), agent.Content);
            }

            Directory.CreateDirectory(dir);
            dirs.Add(dir);
        }

        return dirs;
    }

    public static string? McpServersJson(MergedAgentConfig? config, Func<string, Secret?> secrets, RunLog log)
    {
        if (config is null || config.McpServers.Count == 0)
        {
            return null;
        }

        var servers = new JsonObject();
        foreach (var server in config.McpServers)
        {
            var entry = new JsonObject { ["type"] = server.Type };
            AddIfPresent(entry, "command", server.Command);
            if (server.Args is { Count: > 0 })
            {
                entry["args"] = new JsonArray([.. server.Args.Select(a => JsonValue.Create(a))]);
            }

            AddIfPresent(entry, "url", server.Url);
            AddMap(entry, "headers", server.Headers, server.HeadersFrom, secrets, log);
            AddMap(entry, "env", server.Env, server.EnvFrom, secrets, log);
            servers[server.Name] = entry;
        }

        return new JsonObject { ["mcpServers"] = servers }.ToJsonString();
    }

    private static void AddMap(JsonObject entry, string key, Dictionary<string, string>? plain, SecretSource? from, Func<string, Secret?> secrets, RunLog log)
    {
        var map = new JsonObject();
        foreach (var (name, value) in plain ?? [])
        {
            map[name] = value;
        }

        if (from is not null)
        {
            var secret = secrets(from.SecretRef.Name)
                ?? throw new RunFailedException($"Secret \"{from.SecretRef.Name}\" (for MCP server {key}) does not exist");
            foreach (var name in secret.Data?.Keys ?? Enumerable.Empty<string>())
            {
                var value = secret.Get(name);
                log.AddSecret(value);
                map[name] = value;
            }
        }

        if (map.Count > 0)
        {
            entry[key] = map;
        }
    }

    private static void AddIfPresent(JsonObject entry, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            entry[key] = value;
        }
    }

    private static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
