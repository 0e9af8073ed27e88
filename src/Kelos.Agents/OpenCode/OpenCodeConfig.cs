using System.Text.Json.Nodes;
using Kelos.Agents.Config;

namespace Kelos.Agents.OpenCode;

/// <summary>
/// The OpenCode config file a run points <c>OPENCODE_CONFIG</c> at: bash and edit allowed without asking, no
/// autoupdate or sharing, MCP servers under <c>mcp</c> (stdio as <c>local</c> with one command array, http and
/// sse as <c>remote</c>), and, when <c>ANTHROPIC_BASE_URL</c> is set and the model is Anthropic's (or unset,
/// where OpenCode defaults to it), <c>provider.anthropic.options.baseURL</c> = that URL + <c>/v1</c>.
/// </summary>
internal static class OpenCodeConfig
{
    public static string Build(string? model, IReadOnlyDictionary<string, string> environment, IReadOnlyList<McpServer> servers)
    {
        var config = new JsonObject
        {
            ["$schema"] = "https://opencode.ai/config.json",
            ["autoupdate"] = false,
            ["share"] = "disabled",
            ["permission"] = new JsonObject { ["bash"] = "allow", ["edit"] = "allow" },
        };

        var baseUrl = environment.GetValueOrDefault("ANTHROPIC_BASE_URL");
        if (!string.IsNullOrWhiteSpace(baseUrl) && OpenCodeProviders.Provider(model) == "anthropic")
        {
            config["provider"] = new JsonObject
            {
                ["anthropic"] = new JsonObject { ["options"] = new JsonObject { ["baseURL"] = baseUrl.TrimEnd('/') + "/v1" } },
            };
        }

        if (servers.Count > 0)
        {
            config["mcp"] = Servers(servers);
        }

        return ConfigJson.Write(config);
    }

    private static JsonObject Servers(IReadOnlyList<McpServer> servers)
    {
        var result = new JsonObject();
        foreach (var server in servers)
        {
            var entry = new JsonObject { ["type"] = server.IsStdio ? "local" : "remote" };
            if (server.IsStdio)
            {
                entry["command"] = ConfigJson.Strings([server.Command!, .. server.Args]);
                if (server.Env.Count > 0)
                {
                    entry["environment"] = ConfigJson.Map(server.Env);
                }
            }
            else
            {
                entry["url"] = server.Url;
                if (server.Headers.Count > 0)
                {
                    entry["headers"] = ConfigJson.Map(server.Headers);
                }
            }

            entry["enabled"] = true;
            result[server.Name] = entry;
        }

        return result;
    }
}
