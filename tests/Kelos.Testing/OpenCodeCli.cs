namespace Kelos.Testing;

/// <summary>
/// Runs the real OpenCode CLI (<c>opencode run --format json</c>) in an <see cref="AgentSandbox"/>. It reaches the
/// server through <c>OPENCODE_CONFIG</c>: the Anthropic provider's <c>baseURL</c>; its shell tool is named <c>bash</c>.
/// </summary>
public static class OpenCodeCli
{
    /// <summary>A model from OpenCode's bundled model list (the list is not fetched).</summary>
    public const string Model = "anthropic/claude-sonnet-4-5";

    /// <summary>Runs one prompt to completion.</summary>
    public static Task<CommandResult> RunAsync(AgentSandbox sandbox, string prompt, CancellationToken cancellationToken = default)
    {
        var config = sandbox.WriteHomeFile("opencode.json", $$"""
            {
              "provider": { "anthropic": { "options": { "baseURL": "{{sandbox.ServerRoot}}/v1", "apiKey": "test" } } },
              "model": "{{Model}}",
              "permission": { "bash": "allow", "edit": "allow" },
              "autoupdate": false,
              "share": "disabled"
            }
            """);
        return sandbox.RunAsync(
            "opencode",
            // --title skips the extra model call that would name the session.
            ["run", "--format", "json", "--pure", "--title", "kelos", "--model", Model, prompt],
            new Dictionary<string, string?>
            {
                ["OPENCODE_CONFIG"] = config,
                ["OPENCODE_DISABLE_MODELS_FETCH"] = "1",
                ["OPENCODE_DISABLE_AUTOUPDATE"] = "1",
                ["OPENCODE_DISABLE_LSP_DOWNLOAD"] = "1",
                ["OPENCODE_DISABLE_DEFAULT_PLUGINS"] = "1",
            },
            cancellationToken);
    }
}
