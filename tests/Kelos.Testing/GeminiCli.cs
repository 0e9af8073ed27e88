namespace Kelos.Testing;

/// <summary>
/// Runs the real Gemini CLI (<c>gemini -p</c>, stream-json) in an <see cref="AgentSandbox"/>. Needs
/// <c>GOOGLE_GEMINI_BASE_URL</c>, any <c>GEMINI_API_KEY</c>, and an auth type in <c>~/.gemini/settings.json</c>
/// (without it: "Invalid auth method selected", exit 41).
/// </summary>
public static class GeminiCli
{
    /// <summary>The model passed with <c>-m</c> by default; passing one skips Gemini CLI's routing call.</summary>
    public const string Model = "gemini-2.5-flash";

    /// <summary>Runs one prompt to completion; a null <paramref name="model"/> leaves the choice to Gemini CLI's router.</summary>
    public static Task<CommandResult> RunAsync(AgentSandbox sandbox, string prompt, string? model = Model, CancellationToken cancellationToken = default)
    {
        sandbox.WriteHomeFile(".gemini/settings.json", """
            {
              "security": { "auth": { "selectedType": "gemini-api-key" } },
              "privacy": { "usageStatisticsEnabled": false },
              "telemetry": { "enabled": false }
            }
            """);
        string[] modelArguments = model is null ? [] : ["-m", model];
        return sandbox.RunAsync(
            "gemini",
            ["--yolo", "--output-format", "stream-json", .. modelArguments, "-p", prompt],
            new Dictionary<string, string?>
            {
                ["GOOGLE_GEMINI_BASE_URL"] = sandbox.ServerRoot,
                ["GEMINI_API_KEY"] = "test",
                ["GEMINI_CLI_TRUST_WORKSPACE"] = "true",
            },
            cancellationToken);
    }
}
