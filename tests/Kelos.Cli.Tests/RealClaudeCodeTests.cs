using System.Text.Json.Nodes;
using Kelos.Testing;

namespace Kelos.Cli.Tests;

/// <summary>
/// The real Claude Code CLI (from npm, on PATH) run by <c>kelos run -f</c> against the scripted model server,
/// reached the way a model gateway is: <c>ANTHROPIC_BASE_URL</c> in the Task's <c>podOverrides.env</c>.
/// </summary>
public sealed class RealClaudeCodeTests : IDisposable
{
    private readonly KelosCli _kelos = new();

    [Fact]
    public async Task Run_ClaudeCodeAgainstScriptedModel_CommitPushedAndResultsRecorded()
    {
        var claude = AgentClis.Require("claude");
        await using var model = await ScriptedModelServer.StartAsync();
        using var remote = await BareRemote.CreateAsync();
        var resources = _kelos.Write("resources.yaml", $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: anthropic
            stringData:
              ANTHROPIC_API_KEY: sk-ant-test-key
            ---
            apiVersion: kelos.dev/v1alpha1
            kind: Workspace
            metadata:
              name: app
            spec:
              repo: {remote.Path}
            """);
        var file = _kelos.Write("task.yaml", $"""
            apiVersion: kelos.dev/v1alpha1
            kind: Task
            metadata:
              name: claude-commit
            spec:
              type: claude-code
              prompt: Add an AGENT.md file and commit it.
              credentials:
                type: api-key
                secretRef:
                  name: anthropic
              workspaceRef:
                name: app
              podOverrides:
                activeDeadlineSeconds: 300
                env:
                  - name: ANTHROPIC_BASE_URL
                    value: "{model.BaseUrl.ToString().TrimEnd('/')}"
                  - name: CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC
                    value: "1"
            """);
        var path = $"{Path.GetDirectoryName(claude)}:{Environment.GetEnvironmentVariable("PATH")}";

        var applied = await _kelos.RunAsync(["apply", "-f", resources], TimeSpan.FromMinutes(1), new Dictionary<string, string?> { ["PATH"] = path });
        var run = await _kelos.RunAsync(["run", "-f", file, "--watch"], TimeSpan.FromMinutes(5), new Dictionary<string, string?> { ["PATH"] = path });

        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.True(run.ExitCode == 0, run.ToString() + "\n--- kelos.log ---\n" + ReadRunLog("claude-commit"));
        var task = JsonNode.Parse((await _kelos.RunAsync("get", "task", "claude-commit", "-o", "json")).StandardOutput)!;
        var results = task["status"]!["results"]!;
        Assert.Equal("kelos/claude-commit", results["branch"]!.GetValue<string>());
        var head = await remote.BranchHeadAsync("kelos/claude-commit");
        Assert.Equal(head, results["commit"]!.GetValue<string>());
        Assert.Equal(ScenarioDefaults.CommitAnswer, RunCommandTests.Decode(task));
        Assert.Equal(ScenarioDefaults.CommitSubject, await remote.GitAsync(["log", "-1", "--format=%s", "kelos/claude-commit"]));
        Assert.True(task["status"]!["usage"]!["inputTokens"]!.GetValue<long>() > 0);
        Assert.Contains(model.Requests, r => r.Path.StartsWith("/v1/messages", StringComparison.Ordinal));
        Assert.DoesNotContain("sk-ant-test-key", ReadRunLog("claude-commit"), StringComparison.Ordinal);
    }

    private string ReadRunLog(string task)
    {
        var dir = Path.Combine(_kelos.StateDir, "runs", task);
        return string.Join("\n", new[] { "kelos.log", "agent.log" }.Select(f => Path.Combine(dir, f)).Where(File.Exists).Select(File.ReadAllText));
    }

    public void Dispose() => _kelos.Dispose();
}
