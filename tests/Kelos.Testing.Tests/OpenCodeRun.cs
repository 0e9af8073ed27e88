namespace Kelos.Testing.Tests;

/// <summary>Runs the real OpenCode CLI against a sandbox's scripted model server (JSONL on stdout).</summary>
public static class OpenCodeRun
{
    public const string Model = "anthropic/claude-sonnet-4-5";

    public static Task<CommandResult> RunAsync(AgentSandbox sandbox, string prompt)
    {
        // OpenCode speaks the Anthropic protocol to the provider's baseURL; its shell tool is called "bash".
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
            ["run", "--format", "json", "--pure", "--title", "kelos", "--model", Model, prompt],
            new Dictionary<string, string?>
            {
                ["OPENCODE_CONFIG"] = config,
                ["OPENCODE_DISABLE_MODELS_FETCH"] = "1",
                ["OPENCODE_DISABLE_AUTOUPDATE"] = "1",
                ["OPENCODE_DISABLE_LSP_DOWNLOAD"] = "1",
                ["OPENCODE_DISABLE_DEFAULT_PLUGINS"] = "1",
            });
    }
}
