using System.Text;
using Kelos.Agents.Config;

namespace Kelos.Agents.Codex;

/// <summary>
/// Writes <c>$CODEX_HOME/config.toml</c>. Always: no update check and no analytics. With <c>OPENAI_BASE_URL</c> in
/// the run's environment: a model provider named <c>kelos</c> pointing at it, since Codex ignores that variable
/// and reads a base URL only from its config (Responses API, no websockets, no retries: the gateway decides).
/// MCP servers become <c>[mcp_servers.NAME]</c> tables (stdio: command/args/env; http and sse: url/http_headers;
/// Codex itself speaks streamable HTTP only).
/// </summary>
internal static class CodexConfigToml
{
    public const string ProviderName = "kelos";

    public static string Build(IReadOnlyDictionary<string, string> environment, IReadOnlyList<McpServer> servers)
    {
        var toml = new StringBuilder();
        toml.Append("# Written by Kelos for this run.\n");
        toml.Append("check_for_update_on_startup = false\n");
        var baseUrl = environment.GetValueOrDefault("OPENAI_BASE_URL");
        if (!string.IsNullOrWhiteSpace(baseUrl))
        {
            toml.Append($"model_provider = {TomlText.Quote(ProviderName)}\n");
        }

        toml.Append("\n[analytics]\nenabled = false\n");
        if (!string.IsNullOrWhiteSpace(baseUrl))
        {
            AppendProvider(toml, baseUrl.TrimEnd('/'), KeyVariable(environment));
        }

        foreach (var server in servers)
        {
            AppendServer(toml, server);
        }

        return toml.ToString();
    }

    /// <summary>The variable holding the gateway's key: CODEX_API_KEY (Kelos's own) before OPENAI_API_KEY.</summary>
    private static string KeyVariable(IReadOnlyDictionary<string, string> environment) =>
        !environment.ContainsKey("CODEX_API_KEY") && environment.ContainsKey("OPENAI_API_KEY")
            ? "OPENAI_API_KEY"
            : "CODEX_API_KEY";

    private static void AppendProvider(StringBuilder toml, string baseUrl, string keyVariable)
    {
        toml.Append($"\n[model_providers.{ProviderName}]\n");
        toml.Append($"name = {TomlText.Quote(ProviderName)}\n");
        toml.Append($"base_url = {TomlText.Quote(baseUrl)}\n");
        toml.Append($"env_key = {TomlText.Quote(keyVariable)}\n");
        toml.Append("wire_api = \"responses\"\n");
        toml.Append("supports_websockets = false\n");
        toml.Append("request_max_retries = 0\n");
    }

    private static void AppendServer(StringBuilder toml, McpServer server)
    {
        toml.Append($"\n[mcp_servers.{TomlText.Key(server.Name)}]\n");
        if (server.IsStdio)
        {
            toml.Append($"command = {TomlText.Quote(server.Command!)}\n");
            if (server.Args.Count > 0)
            {
                toml.Append($"args = {TomlText.Array(server.Args)}\n");
            }

            if (server.Env.Count > 0)
            {
                toml.Append($"env = {TomlText.InlineTable(server.Env)}\n");
            }

            return;
        }

        toml.Append($"url = {TomlText.Quote(server.Url!)}\n");
        if (server.Headers.Count > 0)
        {
            toml.Append($"http_headers = {TomlText.InlineTable(server.Headers)}\n");
        }
    }
}
