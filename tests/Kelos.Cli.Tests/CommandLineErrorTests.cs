namespace Kelos.Cli.Tests;

public sealed class CommandLineErrorTests : IDisposable
{
    private readonly KelosCli _kelos = new();

    [Theory]
    [InlineData("error: Unrecognized command or argument '--bogus' (see kelos run --help)", "run", "-p", "x", "--bogus")]
    [InlineData("error: Required argument 'kind' missing for command: 'get' (see kelos get --help)", "get")]
    [InlineData("error: unknown resource type \"nonsense\"; use tasks, workspaces, agentconfigs or taskspawners", "get", "nonsense")]
    [InlineData("error: task \"ghost\" not found", "logs", "ghost")]
    [InlineData("error: task \"ghost\" not found", "cancel", "ghost")]
    [InlineData("error: give the Task's prompt with -p/--prompt, or a file with -f", "run")]
    public async Task Command_BadInput_OneLineAndExitCodeOne(string expected, params string[] args)
    {
        var result = await _kelos.RunAsync(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(expected, result.StandardError.Trim());
        Assert.Equal("", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task Version_PrintsVersionAndSandbox()
    {
        var result = await _kelos.RunAsync("version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^kelos \d+\.\d+\.\d+", result.StandardOutput);
        Assert.Contains("sandbox: bubblewrap", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_GitHubAppWithoutWebhookSecret_RefusesToStartSayingWhy()
    {
        var result = await _kelos.RunAsync(
            ["serve", "--urls", "http://127.0.0.1:0"],
            TimeSpan.FromSeconds(60),
            new Dictionary<string, string?> { ["KELOS_GITHUB_APP_ID"] = "12345", ["KELOS_WEBHOOK_SECRET"] = null, ["KELOS_WEBHOOK_SECRET_FILE"] = null });

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: No GitHub webhook secret: set KELOS_WEBHOOK_SECRET", result.StandardError.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _kelos.Dispose();
}
