namespace Kelos.Testing;

/// <summary>
/// Runs the real Codex CLI (<c>codex exec --json</c>) in an <see cref="AgentSandbox"/>. Codex ignores
/// <c>OPENAI_BASE_URL</c>: it reaches the server only through a custom provider in <c>$CODEX_HOME/config.toml</c>.
/// </summary>
public static class CodexCli
{
    /// <summary>A model for which Codex offers a plain <c>exec_command</c> function instead of its code-mode tool.</summary>
    public const string FunctionToolModel = "gpt-5.1-codex";

    /// <summary>Runs one prompt to completion; a null <paramref name="model"/> uses Codex's default (code mode).</summary>
    public static Task<CommandResult> RunAsync(AgentSandbox sandbox, string prompt, string? model = null, CancellationToken cancellationToken = default)
    {
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
            },
            cancellationToken);
    }
}
