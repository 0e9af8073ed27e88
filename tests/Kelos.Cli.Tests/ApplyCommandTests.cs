using Kelos.Testing;

namespace Kelos.Cli.Tests;

public sealed class ApplyCommandTests : IDisposable
{
    private readonly KelosCli _kelos = new();

    [Fact]
    public async Task Apply_BrokenFile_EveryErrorWithFileLineAndField_NothingApplied()
    {
        var file = _kelos.Write("broken.yaml", """
            apiVersion: kelos.dev/v1alpha1
            kind: Workspace
            metadata:
              name: fine
            spec:
              repo: https://github.com/example/fine.git
            ---
            apiVersion: kelos.dev/v1alpha1
            kind: Task
            metadata:
              name: Bad_Name
            spec:
              type: claude
              promt: typo
              credentials:
                type: api-key
              podOverrides:
                activeDeadlineSeconds: soon
            """);

        var result = await _kelos.RunAsync("apply", "-f", file);

        Assert.Equal(1, result.ExitCode);
        var errors = result.StandardError;
        Assert.Contains("broken.yaml:11:", errors, StringComparison.Ordinal);
        Assert.Contains("metadata.name", errors, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:13:", errors, StringComparison.Ordinal);
        Assert.Contains("spec.type", errors, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:14:", errors, StringComparison.Ordinal);
        Assert.Contains("spec.promt", errors, StringComparison.Ordinal);
        Assert.Contains("spec.prompt", errors, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:18:", errors, StringComparison.Ordinal);
        Assert.Contains("spec.podOverrides.activeDeadlineSeconds", errors, StringComparison.Ordinal);
        Assert.Contains("nothing was applied", errors, StringComparison.Ordinal);

        var workspaces = await _kelos.RunAsync("get", "workspaces");
        Assert.Equal("No resources found.", workspaces.StandardOutput.Trim());
    }

    [Fact]
    public async Task Apply_ThenApplyAgain_CreatedThenUnchangedThenConfigured()
    {
        var file = _kelos.Write("ws.yaml", """
            apiVersion: kelos.dev/v1alpha1
            kind: Workspace
            metadata:
              name: app
            spec:
              repo: https://github.com/example/app.git
            """);

        var first = await _kelos.RunAsync("apply", "-f", file);
        var second = await _kelos.RunAsync("apply", "-f", file);
        File.WriteAllText(file, File.ReadAllText(file) + "\n  ref: develop\n");
        var third = await _kelos.RunAsync("apply", "-f", file);

        Assert.Equal("workspace.kelos.dev/app created", first.StandardOutput.Trim());
        Assert.Equal("workspace.kelos.dev/app unchanged", second.StandardOutput.Trim());
        Assert.Equal("workspace.kelos.dev/app configured", third.StandardOutput.Trim());
        var table = await _kelos.RunAsync("get", "workspaces");
        Assert.Matches(@"NAME\s+REPO\s+REF\s+AGE", table.StandardOutput);
        Assert.Matches(@"app\s+https://github.com/example/app.git\s+develop", table.StandardOutput);
    }

    [Fact]
    public async Task Apply_ChangedTaskSpec_RefusedAsImmutable()
    {
        var file = _kelos.Write("task.yaml", TaskYaml("once", "first prompt"));
        await _kelos.RunAsync("apply", "-f", file);
        File.WriteAllText(file, TaskYaml("once", "second prompt"));

        var result = await _kelos.RunAsync("apply", "-f", file);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: Task \"once\" exists and a Task's spec cannot change", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_Secret_StoredOwnerOnlyAndNeverPrinted()
    {
        var file = _kelos.Write("secret.yaml", """
            apiVersion: v1
            kind: Secret
            metadata:
              name: anthropic
            stringData:
              ANTHROPIC_API_KEY: sk-ant-do-not-print
            """);

        var result = await _kelos.RunAsync("apply", "-f", file);

        Assert.Equal("secret/anthropic created", result.StandardOutput.Trim());
        var stored = Path.Combine(_kelos.StateDir, "secrets", "anthropic.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored));
        var get = await _kelos.RunAsync("get", "secrets");
        Assert.Equal(1, get.ExitCode);
        Assert.DoesNotContain("sk-ant-do-not-print", get.StandardOutput + get.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ShippedExamples_AllValid()
    {
        var examples = Path.Combine(RepositoryRoot.Find(), "examples");

        var result = await _kelos.RunAsync("validate", "-f", examples);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^\d+ resource\(s\) valid", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task Validate_MissingFile_OneClearLine()
    {
        var result = await _kelos.RunAsync("validate", "-f", "nope.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: nope.yaml: no such file or directory", result.StandardError.Trim());
    }

    public static string TaskYaml(string name, string prompt, string extra = "") => $"""
        apiVersion: kelos.dev/v1alpha1
        kind: Task
        metadata:
          name: {name}
        spec:
          type: claude-code
          prompt: {prompt}
          credentials:
            type: none
        {extra}
        """;

    public void Dispose() => _kelos.Dispose();
}
