using System.Text.Json.Nodes;
using Kelos.Agents.Config;
using Kelos.Agents.Gemini;
using Kelos.Agents.Streams;

namespace Kelos.Agents;

/// <summary>
/// Google Gemini CLI: <c>gemini --yolo --output-format stream-json -p PROMPT -m M</c>. The model is always
/// passed (<see cref="DefaultModel"/> when none is given): without <c>-m</c> Gemini makes an extra routing call
/// to pick one. Gemini has no effort switch, so <see cref="AgentRunContext.Effort"/> is ignored.
/// </summary>
/// <remarks>
/// Always writes <c>~/.gemini/settings.json</c> with API-key auth selected (without it Gemini stops with
/// "Invalid auth method selected"), usage statistics and telemetry off, and the MCP servers under
/// <c>mcpServers</c> (streamable HTTP as <c>httpUrl</c>, SSE as <c>url</c>). Instructions go to
/// <c>~/.gemini/GEMINI.md</c>. <c>GEMINI_CLI_TRUST_WORKSPACE=true</c> lets it work in the clone without asking;
/// a gateway is the caller's <c>GOOGLE_GEMINI_BASE_URL</c>, which passes through; with it set, Gemini tries each
/// model call once (<c>general.maxAttempts</c> 1) and leaves retrying to the gateway.
/// </remarks>
public sealed class GeminiAdapter : IAgentAdapter
{
    public const string Type = "gemini";

    /// <summary>The model used when the Task names none.</summary>
    public const string DefaultModel = "gemini-2.5-pro";

    public string AgentType => Type;

    public string CredentialVariable(string credentialType) =>
        CredentialTypes.Pick(Type, credentialType, "GEMINI_API_KEY", "GEMINI_API_KEY");

    public AgentLaunch Prepare(AgentRunContext context)
    {
        var model = string.IsNullOrWhiteSpace(context.Model) ? DefaultModel : context.Model;
        var launch = new LaunchBuilder(context, "--yolo", "--output-format", "stream-json", "-p", context.Prompt, "-m", model)
            .Set("GEMINI_CLI_TRUST_WORKSPACE", "true");
        launch.Instructions(launch.Home(".gemini", "GEMINI.md"))
            .File(launch.Home(".gemini", "settings.json"), Settings(context.Environment, McpServerList.Parse(context.McpServersJson)));
        return launch.Build("gemini");
    }

    public IAgentStreamParser CreateParser() => new GeminiStreamParser();

    public IReadOnlyList<AgentLogEntry> FormatLogLine(string line) => LogLines.Format(line, GeminiLogFormatter.Format);

    private static string Settings(IReadOnlyDictionary<string, string> environment, IReadOnlyList<McpServer> servers)
    {
        var settings = new JsonObject
        {
            ["security"] = new JsonObject { ["auth"] = new JsonObject { ["selectedType"] = "gemini-api-key" } },
            ["privacy"] = new JsonObject { ["usageStatisticsEnabled"] = false },
            ["telemetry"] = new JsonObject { ["enabled"] = false },
        };
        if (!string.IsNullOrWhiteSpace(environment.GetValueOrDefault("GOOGLE_GEMINI_BASE_URL")))
        {
            // Behind a gateway, one try per model call: the gateway does the retrying (as for Codex). Gemini's own
            // ten attempts with backoff would keep a Task whose gateway answers 5xx busy for minutes.
            settings["general"] = new JsonObject { ["maxAttempts"] = 1 };
        }

        if (servers.Count > 0)
        {
            settings["mcpServers"] = McpJson.Gemini(servers);
        }

        return ConfigJson.Write(settings);
    }
}
