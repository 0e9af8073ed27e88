using Kelos.Testing;

namespace Kelos.Cli.Tests;

public sealed class ServeCommandTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly KelosCli _kelos = new();

    [Fact]
    public async Task Serve_PipelineApplied_RunsInOrderPassingResultsOn()
    {
        using var remote = await BareRemote.CreateAsync();
        // Each stage commits a file named after itself and answers with the prompt it got.
        var agent = _kelos.Script("stage.sh", """
            echo "$KELOS_TASK_NAME" > "$KELOS_TASK_NAME.md" && git add -A && git commit -qm "$KELOS_TASK_NAME"
            echo "---KELOS_OUTPUTS_START---"
            echo "response: $(printf '%s' "$1" | base64 -w0)"
            echo "---KELOS_OUTPUTS_END---"
            """);
        var file = _kelos.Write("pipeline.yaml", $$$"""
            apiVersion: kelos.dev/v1alpha1
            kind: Workspace
            metadata: { name: app }
            spec: { repo: {{{remote.Path}}} }
            ---
            apiVersion: kelos.dev/v1alpha1
            kind: Task
            metadata: { name: review }
            spec:
              type: claude-code
              image: {{{agent}}}
              credentials: { type: none }
              workspaceRef: { name: app }
              branch: feature
              dependsOn: [implement]
              prompt: "review {{ deps.implement.results.commit }} on {{ deps.implement.results.branch }}"
            ---
            apiVersion: kelos.dev/v1alpha1
            kind: Task
            metadata: { name: scaffold }
            spec:
              type: claude-code
              image: {{{agent}}}
              credentials: { type: none }
              workspaceRef: { name: app }
              branch: feature
              prompt: scaffold it
            ---
            apiVersion: kelos.dev/v1alpha2
            kind: Task
            metadata: { name: implement }
            spec:
              worker:
                type: claude-code
                image: {{{agent}}}
                credentials: { type: none }
                workspaceRef: { name: app }
              branch: feature
              dependsOn: [scaffold]
              prompt: 'implement on top of {{index .Deps "scaffold" "Results" "commit"}}'
            """);
        await _kelos.StartServeAsync();

        var applied = await _kelos.RunAsync("apply", "-f", file);
        var review = await _kelos.WaitForPhaseAsync("review", Patience, "Succeeded", "Failed");

        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Equal("Succeeded", review["status"]!["phase"]!.GetValue<string>());
        var scaffold = await _kelos.WaitForPhaseAsync("scaffold", Patience, "Succeeded");
        var implement = await _kelos.WaitForPhaseAsync("implement", Patience, "Succeeded");
        var scaffoldCommit = scaffold["status"]!["results"]!["commit"]!.GetValue<string>();
        var implementCommit = implement["status"]!["results"]!["commit"]!.GetValue<string>();
        Assert.Equal($"implement on top of {scaffoldCommit}", RunCommandTests.Decode(implement));
        Assert.Equal($"review {implementCommit} on feature", RunCommandTests.Decode(review));
        Assert.Equal("review\nimplement\nscaffold\nInitial commit", await remote.GitAsync(["log", "--format=%s", "feature"]));
    }

    [Theory]
    [InlineData("comments/failed.sbn", "Failed\n\n{{ if }}\n", 3)]
    [InlineData("comments/failed.sbn", "Failed\n{{ task.mesage }}\n", 2)]
    [InlineData("prompts/run.sbn", "Do it\n\n\n{{ for }}\n", 4)]
    public async Task Serve_AsGitHubAppWithABrokenTemplate_StopsNamingFileAndLine(string file, string text, int line)
    {
        var templates = Path.Combine(_kelos.Root, "templates");
        var path = _kelos.Write(Path.Combine("templates", file), text);

        var result = await _kelos.RunAsync(
            ["serve", "--urls", "http://127.0.0.1:0"],
            TimeSpan.FromMinutes(1),
            new Dictionary<string, string?> { ["KELOS_WEBHOOK_SECRET"] = "s3cret", ["KELOS_TEMPLATES_DIR"] = templates });

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: {path}:{line}:", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_DependencyFails_DependentsFailNamingIt()
    {
        var failing = _kelos.Script("fail.sh", "exit 1");
        var ok = _kelos.Script("ok.sh", "true");
        await _kelos.StartServeAsync();

        await _kelos.RunAsync("run", "--name", "first", "--image", failing, "-p", "x");
        await _kelos.RunAsync("run", "--name", "second", "--image", ok, "-p", "x", "--depends-on", "first");
        await _kelos.RunAsync("run", "--name", "third", "--image", ok, "-p", "x", "--depends-on", "second");

        var third = await _kelos.WaitForPhaseAsync("third", Patience, "Failed", "Succeeded");
        var second = await _kelos.WaitForPhaseAsync("second", Patience, "Failed", "Succeeded");
        Assert.Equal("Dependency \"first\" failed", second["status"]!["message"]!.GetValue<string>());
        Assert.Equal("Dependency \"second\" failed", third["status"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Serve_CycleApplied_FailsWithCircularDependency()
    {
        var ok = _kelos.Script("ok.sh", "true");
        await _kelos.StartServeAsync();

        // Each file on its own is fine; together they form a cycle the controller refuses.
        await _kelos.RunAsync("run", "--name", "a", "--image", ok, "-p", "x", "--depends-on", "b");
        await _kelos.RunAsync("run", "--name", "b", "--image", ok, "-p", "x", "--depends-on", "a");

        var a = await _kelos.WaitForPhaseAsync("a", Patience, "Failed");
        Assert.StartsWith("Circular dependency detected:", a["status"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_SameBranch_SecondWaitsForTheLockThenRuns()
    {
        using var remote = await BareRemote.CreateAsync();
        // The holder keeps the branch long enough for the waiter to be seen waiting, however slow the machine.
        var slow = _kelos.Script("slow.sh", "if [ \"$KELOS_TASK_NAME\" = holder ]; then sleep 20; fi; echo $KELOS_TASK_NAME > \"$KELOS_TASK_NAME\"; git add -A; git commit -qm $KELOS_TASK_NAME");
        await _kelos.StartServeAsync();
        await _kelos.RunAsync("run", "--name", "holder", "--repo", remote.Path, "--branch", "shared", "--image", slow, "-p", "x");
        await _kelos.WaitForPhaseAsync("holder", Patience, "Running");

        await _kelos.RunAsync("run", "--name", "waiter", "--repo", remote.Path, "--branch", "shared", "--image", slow, "-p", "x");

        var waiting = await _kelos.WaitForPhaseAsync("waiter", Patience, "Waiting");
        Assert.Equal("Waiting for branch \"shared\" (locked by holder)", waiting["status"]!["message"]!.GetValue<string>());
        await _kelos.WaitForPhaseAsync("waiter", Patience, "Succeeded");
        Assert.Equal("waiter\nholder\nInitial commit", await remote.GitAsync(["log", "--format=%s", "shared"]));
    }

    [Fact]
    public async Task Cancel_RunningTask_EndsCancelledAndStopsTheAgent()
    {
        var agent = _kelos.Script("forever.sh", "echo started; sleep 600");
        await _kelos.StartServeAsync();
        await _kelos.RunAsync("run", "--name", "long", "--image", agent, "-p", "x");
        await _kelos.WaitForPhaseAsync("long", Patience, "Running");

        var cancel = await _kelos.RunAsync("cancel", "long");
        var task = await _kelos.WaitForPhaseAsync("long", Patience, "Cancelled", "Failed", "Succeeded");

        Assert.Equal("task/long cancel requested", cancel.StandardOutput.Trim());
        Assert.Equal("Cancelled", task["status"]!["phase"]!.GetValue<string>());
        Assert.StartsWith("Cancelled by ", task["status"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(task["status"]!["cancelledBy"]);
        var again = await _kelos.RunAsync("cancel", "long");
        Assert.Equal("error: task \"long\" has already finished", again.StandardError.Trim());
    }

    [Fact]
    public async Task Serve_KilledDuringRun_RestartLeavesNoTaskRunning()
    {
        var agent = _kelos.Script("forever.sh", "echo started; sleep 600");
        var serve = await _kelos.StartServeAsync();
        await _kelos.RunAsync("run", "--name", "orphan", "--image", agent, "-p", "x");
        await _kelos.WaitForPhaseAsync("orphan", Patience, "Running");

        serve.Kill(entireProcessTree: false);
        await serve.WaitForExitAsync();
        Assert.Equal("Running", (await _kelos.WaitForPhaseAsync("orphan", Patience, "Running"))["status"]!["phase"]!.GetValue<string>());
        await _kelos.StartServeAsync();

        var task = await _kelos.WaitForPhaseAsync("orphan", Patience, "Failed", "Succeeded", "Cancelled");
        Assert.Equal("Failed", task["status"]!["phase"]!.GetValue<string>());
        Assert.StartsWith("Kelos was restarted while this Task was running", task["status"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var table = await _kelos.RunAsync("get", "tasks");
        Assert.DoesNotContain("Running", table.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_FinishedTask_GoneFromGetAndItsRunRemoved()
    {
        var ok = _kelos.Script("ok.sh", "true");
        await _kelos.RunAsync("run", "--name", "done", "--image", ok, "-p", "x");

        var deleted = await _kelos.RunAsync("delete", "task", "done");
        var get = await _kelos.RunAsync("get", "task", "done");

        Assert.Equal("task/done deleted", deleted.StandardOutput.Trim());
        Assert.Equal("error: task \"done\" not found", get.StandardError.Trim());
        Assert.False(Directory.Exists(Path.Combine(_kelos.StateDir, "runs", "done")));
    }

    [Fact]
    public async Task Serve_TtlAfterFinished_DeletesTheTask()
    {
        var ok = _kelos.Script("ok.sh", "true");
        var file = _kelos.Write("ttl.yaml", ApplyCommandTests.TaskYaml("short-lived", "x", $"  image: {ok}\n  ttlSecondsAfterFinished: 1"));
        await _kelos.StartServeAsync();

        await _kelos.RunAsync("apply", "-f", file);

        for (var i = 0; i < 100 && (await _kelos.RunAsync("get", "task", "short-lived")).ExitCode == 0; i++)
        {
            await Task.Delay(200);
        }

        Assert.Equal(1, (await _kelos.RunAsync("get", "task", "short-lived")).ExitCode);
    }

    [Fact]
    public async Task Serve_DependencyWithZeroTtl_KeptUntilItsDependentHasStarted()
    {
        var ok = _kelos.Script("ok.sh", "true");
        var file = _kelos.Write("chain.yaml", ApplyCommandTests.TaskYaml("stage1", "x", $"  image: {ok}\n  ttlSecondsAfterFinished: 0")
            + "\n---\n" + ApplyCommandTests.TaskYaml("stage2", "after {{ deps.stage1.name }}", $"  image: {ok}\n  dependsOn: [stage1]"));
        await _kelos.StartServeAsync();

        await _kelos.RunAsync("apply", "-f", file);

        var stage2 = await _kelos.WaitForPhaseAsync("stage2", Patience, "Succeeded", "Failed");
        Assert.Equal("Succeeded", stage2["status"]!["phase"]!.GetValue<string>());
        for (var i = 0; i < 50 && (await _kelos.RunAsync("get", "task", "stage1")).ExitCode == 0; i++)
        {
            await Task.Delay(200);
        }

        Assert.Equal(1, (await _kelos.RunAsync("get", "task", "stage1")).ExitCode);
    }

    public void Dispose() => _kelos.Dispose();
}
