using System.Text.Json.Nodes;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;

namespace Kelos.Runtime.Kubernetes;

/// <summary>
/// The merged MCP servers as <c>KELOS_MCP_SERVERS</c> JSON, <c>{"mcpServers": {...}}</c>. Without
/// <c>headersFrom</c>/<c>envFrom</c> it goes into the pod's environment as is; with them the values come from
/// Secrets, so the controller builds it with <paramref name="secrets"/> and stores it in the per-Task Secret.
/// </summary>
public static class McpServersJson
{
    /// <exception cref="TaskJobException">A referenced Secret is missing.</exception>
    public static string? Build(MergedAgentConfig? config, Func<string, Secret?>? secrets = null)
    {
        if (config is null || config.McpServers.Count == 0)
        {
            return null;
        }

        var servers = new JsonObject();
        foreach (var server in config.McpServers)
        {
            var entry = new JsonObject { ["type"] = server.Type };
            if (!string.IsNullOrEmpty(server.Command))
            {
                entry["command"] = server.Command;
            }

            if (server.Args is { Count: > 0 })
            {
                entry["args"] = new JsonArray([.. server.Args.Select(a => JsonValue.Create(a))]);
            }

            if (!string.IsNullOrEmpty(server.Url))
            {
                entry["url"] = server.Url;
            }

            AddMap(entry, "headers", server.Headers, server.HeadersFrom, secrets);
            AddMap(entry, "env", server.Env, server.EnvFrom, secrets);
            servers[server.Name] = entry;
        }

        return new JsonObject { ["mcpServers"] = servers }.ToJsonString();
    }

    private static void AddMap(JsonObject entry, string key, Dictionary<string, string>? plain, SecretSource? from, Func<string, Secret?>? secrets)
    {
        var map = new JsonObject();
        foreach (var (name, value) in plain ?? [])
        {
            map[name] = value;
        }

        if (from is not null && secrets is not null)
        {
            var secret = secrets(from.SecretRef.Name)
                ?? throw new TaskJobException($"mcpServers.{key}From.secretRef", $"Secret \"{from.SecretRef.Name}\" does not exist");
            foreach (var name in (secret.Data?.Keys ?? Enumerable.Empty<string>()).Concat(secret.StringData?.Keys ?? Enumerable.Empty<string>()).Distinct())
            {
                map[name] = secret.Get(name);
            }
        }

        if (map.Count > 0)
        {
            entry[key] = map;
        }
    }
}
