using System.Text;
using System.Text.Json.Nodes;
using Kelos.Testing;

namespace Kelos.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private readonly KelosCli _kelos = new();

    [Fact]
    public async Task Run_CustomAgentWithWatch_SucceedsShowingBranchCommitAndAnswer()
    {
        using var remote = await BareRemote.CreateAsync();
        var agent = _kelos.Script("agent.sh", """
            echo "working on $1"
            echo hi > HI.md && git add HI.md && git commit -qm "Add HI.md"
            echo "---KELOS_OUTPUTS_START---"
            echo "response: $(printf 'Added HI.md' | base64 -w0)"
            echo "---KELOS_OUTPUTS_END---"
            """);

        var result = await _kelos.RunAsync("run", "--name", "hello", "--repo", remote.Path, "--image", agent, "-p", "say hi", "--watch");

        Assert.True(result.ExitCode == 0, result.ToString());
        var output = result.StandardOutput;
        Assert.Matches(@"\d\d:\d\d:\d\d  Running +The agent is running \(agent.sh, a custom claude-code agent\)", output);
        Assert.Contains("│ working on say hi", output, StringComparison.Ordinal);
        Assert.Matches(@"\d\d:\d\d:\d\d  Succeeded", output);
        var head = await remote.BranchHeadAsync("kelos/hello");
        Assert.NotNull(head);
        Assert.Contains("  branch   kelos/hello", output, StringComparison.Ordinal);
        Assert.Contains($"  commit   {head}", output, StringComparison.Ordinal);
        Assert.Contains("  answer   Added HI.md", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("│ working on", StringComparison.Ordinal) < output.IndexOf("Succeeded", StringComparison.Ordinal), "agent lines come before the end");

        var json = JsonNode.Parse((await _kelos.RunAsync("get", "task", "hello", "-o", "json")).StandardOutput)!;
        Assert.Equal("Succeeded", json["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(head, json["status"]!["results"]!["commit"]!.GetValue<string>());
        Assert.Equal("kelos.dev/v1alpha1", json["apiVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_FailingAgent_ExitCodeOneAndReasonShown()
    {
        var agent = _kelos.Script("agent.sh", "echo 'cannot reach the model' >&2\nexit 3");

        var result = await _kelos.RunAsync("run", "--name", "broken", "--image", agent, "-p", "try", "--watch");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Failed: The agent exited with code 3", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("cannot reach the model", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Timeout_FailsSayingTheDeadlinePassed()
    {
        var agent = _kelos.Script("agent.sh", "sleep 120");

        var result = await _kelos.RunAsync("run", "--name", "slow", "--image", agent, "-p", "wait", "--timeout", "2s");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Deadline exceeded", result.StandardOutput, StringComparison.Ordinal);
        var table = await _kelos.RunAsync("get", "tasks");
        Assert.Matches(@"slow\s+claude-code\s+Failed", table.StandardOutput);
    }

    [Fact]
    public async Task Run_TwoAtOnceWithoutServer_BothSeenThrough()
    {
        var slow = _kelos.Script("slow.sh", "sleep 2; echo done");

        var first = _kelos.RunAsync("run", "--name", "first", "--image", slow, "-p", "x");
        await Task.Delay(500);
        var second = _kelos.RunAsync("run", "--name", "second", "--image", slow, "-p", "x");
        var results = await Task.WhenAll(first, second);

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        var table = (await _kelos.RunAsync("get", "tasks")).StandardOutput;
        Assert.Matches(@"first\s+claude-code\s+Succeeded", table);
        Assert.Matches(@"second\s+claude-code\s+Succeeded", table);
    }

    [Fact]
    public async Task Run_NameTaken_RefusedInOneLine()
    {
        var agent = _kelos.Script("agent.sh", "true");
        await _kelos.RunAsync("run", "--name", "twice", "--image", agent, "-p", "x");

        var again = await _kelos.RunAsync("run", "--name", "twice", "--image", agent, "-p", "x");

        Assert.Equal(1, again.ExitCode);
        Assert.Equal("error: task \"twice\" exists already; pick another --name, or delete it with kelos delete task twice", again.StandardError.Trim());
    }

    [Fact]
    public async Task Run_BadFlags_NamedInTheError()
    {
        var result = await _kelos.RunAsync("run", "-p", "x", "-t", "claude", "--timeout", "soon");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--timeout \"soon\" is not a duration", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_AgentStream_ShownAsReadableLines()
    {
        var agent = _kelos.Script("agent.sh", """
            echo '{"type":"assistant","message":{"role":"assistant","content":[{"type":"text","text":"Let me look around."}],"stop_reason":null}}'
            echo '{"type":"assistant","message":{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"Bash","input":{"command":"ls -la"}}],"stop_reason":null}}'
            echo '{"type":"result","subtype":"success","is_error":false,"result":"All done.","total_cost_usd":0.01,"usage":{"input_tokens":10,"output_tokens":5}}'
            """);
        await _kelos.RunAsync("run", "--name", "chatty", "--image", agent, "-p", "x");

        var logs = await _kelos.RunAsync("logs", "chatty");
        var raw = await _kelos.RunAsync("logs", "chatty", "--raw");

        Assert.Equal(0, logs.ExitCode);
        Assert.Contains("Let me look around.", logs.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("ls -la", logs.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("finished", logs.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("{\"type\"", logs.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("KELOS_OUTPUTS", logs.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("{\"type\":\"assistant\"", raw.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("---KELOS_OUTPUTS_START---", raw.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FromFile_WithWorkspaceInTheSameFile()
    {
        using var remote = await BareRemote.CreateAsync();
        _kelos.Script("agents/commit.sh", "echo x > X.md && git add X.md && git commit -qm x");
        var file = _kelos.Write("task.yaml", $"""
            apiVersion: kelos.dev/v1alpha1
            kind: Workspace
            metadata:
              name: local
            spec:
              repo: {remote.Path}
            ---
            apiVersion: kelos.dev/v1alpha1
            kind: Task
            metadata:
              name: from-file
            spec:
              type: codex
              prompt: add X.md
              image: ./agents/commit.sh
              credentials:
                type: none
              workspaceRef:
                name: local
              branch: feature/x
            """);

        var result = await _kelos.RunAsync("run", "-f", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("workspace.kelos.dev/local created", result.StandardError, StringComparison.Ordinal);
        Assert.NotNull(await remote.BranchHeadAsync("feature/x"));
    }

    public static string Decode(JsonNode task) =>
        Encoding.UTF8.GetString(Convert.FromBase64String(task["status"]!["results"]!["response"]!.GetValue<string>()));

    public void Dispose() => _kelos.Dispose();
}
