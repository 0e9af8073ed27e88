using Kelos.Agents.Config;
using Kelos.Agents.OpenCode;
using Kelos.Agents.Streams;

namespace Kelos.Agents;

/// <summary>
/// OpenCode: <c>opencode run --format json PROMPT [--model provider/model] --pure --title T</c> (the title spares
/// it a model call to name the session; <c>--pure</c> skips external plugins). OpenCode has no effort switch in
/// Kelos's interface, so <see cref="AgentRunContext.Effort"/> is ignored.
/// </summary>
/// <remarks>
/// Writes <c>~/.config/opencode/opencode.json</c> and points <c>OPENCODE_CONFIG</c> at it (see
/// <see cref="OpenCodeConfig"/> for what it holds), instructions to <c>~/.config/opencode/AGENTS.md</c>, and
/// turns off model-list fetches, autoupdate, LSP downloads and default plugins. <c>OPENCODE_API_KEY</c> is also
/// put in the chosen provider's variable (e.g. <c>ANTHROPIC_API_KEY</c>) unless that is already set.
/// </remarks>
public sealed class OpenCodeAdapter : IAgentAdapter
{
    public const string Type = "opencode";

    public string AgentType => Type;

    public string CredentialVariable(string credentialType) =>
        CredentialTypes.Pick(Type, credentialType, "OPENCODE_API_KEY", "OPENCODE_API_KEY");

    public AgentLaunch Prepare(AgentRunContext context)
    {
        var title = context.Environment.GetValueOrDefault("KELOS_TASK_NAME") is { Length: > 0 } task ? $"kelos {task}" : "kelos";
        var launch = new LaunchBuilder(context, "run", "--format", "json", context.Prompt)
            .Option("--model", context.Model)
            .Add("--pure", "--title", title);
        var configPath = launch.Home(".config", "opencode", "opencode.json");
        launch.Instructions(launch.Home(".config", "opencode", "AGENTS.md"))
            .File(configPath, OpenCodeConfig.Build(context.Model, context.Environment, McpServerList.Parse(context.McpServersJson)))
            .Set("OPENCODE_CONFIG", configPath)
            .Set("OPENCODE_DISABLE_MODELS_FETCH", "1")
            .Set("OPENCODE_DISABLE_AUTOUPDATE", "1")
            .Set("OPENCODE_DISABLE_LSP_DOWNLOAD", "1")
            .Set("OPENCODE_DISABLE_DEFAULT_PLUGINS", "1");
        if (OpenCodeProviders.KeyVariableToFill(context.Model, context.Environment) is { } keyVariable)
        {
            launch.Set(keyVariable, context.Environment["OPENCODE_API_KEY"]);
        }

        return launch.Build("opencode");
    }

    public IAgentStreamParser CreateParser() => new OpenCodeStreamParser();

    public IReadOnlyList<AgentLogEntry> FormatLogLine(string line) => LogLines.Format(line, OpenCodeLogFormatter.Format);
}
