namespace Kelos.Testing.Tests;

/// <summary>Runs the real Codex CLI against a sandbox's scripted model server (JSONL on stdout).</summary>
public static class CodexRun
{
    /// <summary>A model for which Codex offers a plain <c>exec_command</c> function instead of its code-mode tool.</summary>
    public const string FunctionToolModel = "gpt-5.1-codex";

    public static Task<CommandResult> RunAsync(AgentSandbox sandbox, string prompt, string? model = null)
    {
        // Codex ignores OPENAI_BASE_URL: a custom provider in config.toml is the only way to point it elsewhere.
        var config = sandbox.WriteHomeFile(".codex/config.toml", $"""
            model_provider = "scripted"
            check_for_update_on_startup = false

            [model_providers.scripted]
            name = "Scripted"
            base_url = "{sandbox.ServerRoot}/v1"
            env_key = "KELOS_SCRIPTED_API_KEY"
            wire_api = "responses"
            supports_websockets = false
            request_max_retries = 0
            stream_max_retries = 0

            [analytics]
            enabled = false
            """);
        string[] modelArguments = model is null ? [] : ["-m", model];
        return sandbox.RunAsync(
            "codex",
            [
                "exec", "--dangerously-bypass-approvals-and-sandbox", "--json",
                "-c", "features.plugins=false", "-c", "features.remote_plugin=false",
                "-c", "features.apps=false", "-c", "features.in_app_updates=false",
                .. modelArguments,
                prompt,
            ],
            new Dictionary<string, string?>
            {
                ["CODEX_HOME"] = Path.GetDirectoryName(config),
                ["KELOS_SCRIPTED_API_KEY"] = "test",
            });
    }

    /// <summary>The text of the last <c>agent_message</c> item: Codex's final answer.</summary>
    public static string? FinalAnswer(CommandResult process) =>
        StreamJson.Objects(process)
            .Where(o => StreamJson.Type(o) == "item.completed")
            .Select(o => o.GetProperty("item"))
            .LastOrDefault(item => StreamJson.Type(item) == "agent_message") is { ValueKind: System.Text.Json.JsonValueKind.Object } item
            ? item.GetProperty("text").GetString()
            : null;
}
