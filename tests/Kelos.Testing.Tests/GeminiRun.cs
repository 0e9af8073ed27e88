namespace Kelos.Testing.Tests;

/// <summary>Runs the real Gemini CLI against a sandbox's scripted model server (stream-json on stdout).</summary>
public static class GeminiRun
{
    /// <summary>Passing a model skips Gemini CLI's routing call.</summary>
    public const string Model = "gemini-2.5-flash";

    /// <summary>Runs <c>gemini -p</c>; a null <paramref name="model"/> leaves it to Gemini CLI's router.</summary>
    public static Task<CommandResult> RunAsync(AgentSandbox sandbox, string prompt, string? model = Model)
    {
        // Without an auth type in the settings the CLI stops with "Invalid auth method selected" (exit 41).
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
            });
    }

    /// <summary>The assistant's text: the concatenated <c>message</c> events with role assistant (they arrive as deltas).</summary>
    public static string FinalAnswer(CommandResult process) =>
        string.Concat(StreamJson.Objects(process)
            .Where(o => StreamJson.Type(o) == "message" && o.GetProperty("role").GetString() == "assistant")
            .Select(o => o.GetProperty("content").GetString()));
}
