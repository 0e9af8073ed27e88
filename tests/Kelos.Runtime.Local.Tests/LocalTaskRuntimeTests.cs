using System.Text;
using k8s.Models;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Testing;

namespace Kelos.Runtime.Local.Tests;

public sealed class LocalTaskRuntimeTests : IDisposable
{
    private const string CommitAgent = """
        echo "change" > CHANGE.md
        git add CHANGE.md
        git commit -qm "Agent change"
        echo "I changed CHANGE.md"
        echo "---KELOS_OUTPUTS_START---"
        echo "response: $(printf 'I changed CHANGE.md' | base64 -w0)"
        echo "---KELOS_OUTPUTS_END---"
        """;

    private readonly LocalRunFixture _fixture = new();

    [Fact]
    public async Task RunAsync_AgentCommits_BranchPushedAndResultsCaptured()
    {
        using var remote = await BareRemote.CreateAsync();
        var task = LocalRunFixture.Task("t1", LocalRunFixture.Script(CommitAgent), workspace: "ws");

        var result = await _fixture.Runtime.RunAsync(_fixture.Request(task, LocalRunFixture.Workspace(remote.Path)), CancellationToken.None);

        Assert.Equal(TaskRunOutcome.Succeeded, result.Outcome);
        Assert.Equal("kelos/t1", result.Results["branch"]);
        Assert.Equal("main", result.Results["base-branch"]);
        Assert.Equal(await remote.BranchHeadAsync("kelos/t1"), result.Results["commit"]);
        Assert.Equal("I changed CHANGE.md", Encoding.UTF8.GetString(Convert.FromBase64String(result.Results["response"])));
        Assert.Contains("branch: kelos/t1", result.Outputs);
        Assert.Null(await remote.BranchHeadAsync("main").ContinueWith(t => t.Result == result.Results["commit"] ? "pushed to base" : null, TaskScheduler.Default));
        Assert.EndsWith("---KELOS_OUTPUTS_END---\n", _fixture.AgentLog("t1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BranchExistsOnRemote_ContinuesFromIt()
    {
        using var remote = await BareRemote.CreateAsync();
        var existing = await remote.PushBranchAsync("feature", "EARLIER.md");
        var task = LocalRunFixture.Task("t2", LocalRunFixture.Script(CommitAgent), workspace: "ws", branch: "feature");

        var result = await _fixture.Runtime.RunAsync(_fixture.Request(task, LocalRunFixture.Workspace(remote.Path)), CancellationToken.None);

        Assert.Equal(TaskRunOutcome.Succeeded, result.Outcome);
        var head = await remote.BranchHeadAsync("feature");
        Assert.Equal(head, result.Results["commit"]);
        Assert.Equal(existing, await remote.GitAsync(["rev-parse", "feature~1"]));
    }

    [Fact]
    public async Task RunAsync_BranchIsTheBaseBranch_FailsWithoutRunningTheAgent()
    {
        using var remote = await BareRemote.CreateAsync();
        var task = LocalRunFixture.Task("t3", LocalRunFixture.Script("echo agent ran"), workspace: "ws", branch: "main");

        var result = await _fixture.Runtime.RunAsync(_fixture.Request(task, LocalRunFixture.Workspace(remote.Path)), CancellationToken.None);

        Assert.Equal(TaskRunOutcome.Failed, result.Outcome);
        Assert.Contains("is the Workspace's base branch", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("agent ran", AgentLogOrEmpty("t3"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoCommits_SucceedsAndPushesNothing()
    {
        using var remote = await BareRemote.CreateAsync();
        var task = LocalRunFixture.Task("t4", LocalRunFixture.Script("echo nothing to do"), workspace: "ws");

        var result = await _fixture.Runtime.RunAsync(_fixture.Request(task, LocalRunFixture.Workspace(remote.Path)), CancellationToken.None);

        Assert.Equal(TaskRunOutcome.Succeeded, result.Outcome);
        Assert.Null(await remote.BranchHeadAsync("kelos/t4"));
    }

    [Fact]
    public async Task RunAsync_AgentExitsNonZero_FailsWithExitCodeAndLastLines_NothingPushed()
    {
        using var remote = await BareRemote.CreateAsync();
        var task = LocalRunFixture.Task("t5", LocalRunFixture.Script("git commit -q --allow-empty -m wip\necho 'boom: model unreachable' >&2\nexit 7"), workspace: "ws");

        var result = await _fixture.Runtime.RunAsync(_fixture.Request(task, LocalRunFixture.Workspace(remote.Path)), CancellationToken.None);

        Assert.Equal(TaskRunOutcome.Failed, result.Outcome);
        Assert.Contains("exited with code 7", result.Message, StringComparison.Ordinal);
        Assert.Contains("boom: model unreachable", result.Message, StringComparison.Ordinal);
        Assert.Null(await remote.BranchHeadAsync("kelos/t5"));
    }

    [Fact]
    public async Task RunAsync_Deadline_FailsSayingSoAndKillsTheProcessGroup()
    {
        var sleeper = UniqueSleep();
        var task = LocalRunFixture.Task("t6", LocalRunFixture.Script($"sleep {sleeper} &\necho child started\nwait"), deadlineSeconds: 1);

        var result = await _fixture.Runtime.RunAsync(_fixture.Request(task), CancellationToken.None);

        Assert.Equal(TaskRunOutcome.Failed, result.Outcome);
        Assert.Contains("Deadline exceeded", result.Message, StringComparison.Ordinal);
        Assert.Contains("timeout of 1 s", result.Message, StringComparison.Ordinal);
        await AssertNoProcessAsync(sleeper);
    }

    [Fact]
    public async Task RunAsync_Cancelled_EndsCancelledAndKillsTheProcessGroup()
    {
        var sleeper = UniqueSleep();
        var task = LocalRunFixture.Task("t7", LocalRunFixture.Script($"sleep {sleeper} &\necho child started\nwait"));
        using var cancel = new CancellationTokenSource();

        var run = _fixture.Runtime.RunAsync(_fixture.Request(task), cancel.Token);
        await WaitForLogAsync("t7", "child started");
        await cancel.CancelAsync();
        var result = await run;

        Assert.Equal(TaskRunOutcome.Cancelled, result.Outcome);
        await AssertNoProcessAsync(sleeper);
    }

    [Fact]
    public async Task RunAsync_SetupCommandFails_FailsBeforeTheAgent()
    {
        using var remote = await BareRemote.CreateAsync();
        var task = LocalRunFixture.Task("t8", LocalRunFixture.Script("echo agent ran"), workspace: "ws");
        var workspace = LocalRunFixture.Workspace(remote.Path, setup: ["sh", "-c", "echo installing; echo 'no such package' >&2; exit 3"]);

        var result = await _fixture.Runtime.RunAsync(_fixture.Request(task, workspace), CancellationToken.None);

        Assert.Equal(TaskRunOutcome.Failed, result.Outcome);
        Assert.Contains("setup command failed with exit code 3", result.Message, StringComparison.Ordinal);
        Assert.Contains("no such package", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("agent ran", AgentLogOrEmpty("t8"), StringComparison.Ordinal);
        Assert.Contains("---KELOS_SETUP_COMMAND_FAILED--- exit=3", _fixture.KelosLog("t8"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WorkspaceFilesAndEnvironment_ReachTheAgent()
    {
        using var remote = await BareRemote.CreateAsync();
        var task = LocalRunFixture.Task("t9", LocalRunFixture.Script("cat config/app.env\necho \"branch=$KELOS_BRANCH base=$KELOS_BASE_BRANCH task=$KELOS_TASK_NAME type=$KELOS_AGENT_TYPE custom=$CUSTOM home=$HOME\""), workspace: "ws", env: [new V1EnvVar { Name = "CUSTOM", Value = "yes" }, new V1EnvVar { Name = "KELOS_BRANCH", Value = "hijack" }]);
        var workspace = LocalRunFixture.Workspace(remote.Path, files: [new WorkspaceFile { Path = "config/app.env", Content = "MODE=test\n" }]);

        var result = await _fixture.Runtime.RunAsync(_fixture.Request(task, workspace), CancellationToken.None);

        Assert.Equal(TaskRunOutcome.Succeeded, result.Outcome);
        var log = _fixture.AgentLog("t9");
        Assert.Contains("MODE=test", log, StringComparison.Ordinal);
        Assert.Contains($"branch=kelos/t9 base=main task=t9 type=claude-code custom=yes home={Path.Combine(_fixture.State.RunDirectory("t9"), "home")}", log, StringComparison.Ordinal);
        Assert.Contains("KELOS_BRANCH is set by Kelos", _fixture.KelosLog("t9"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CredentialFromSecret_InjectedButNeverLogged()
    {
        _fixture.AddSecret("anthropic", new() { ["ANTHROPIC_API_KEY"] = "sk-ant-very-secret-value" });
        var credentials = new Credentials { Type = Credentials.ApiKey, SecretRef = new NameReference { Name = "anthropic" } };
        var task = LocalRunFixture.Task("t10", LocalRunFixture.Script("echo \"key=$ANTHROPIC_API_KEY\"\necho \"stderr key=$ANTHROPIC_API_KEY\" >&2\nexit 1"), credentials: credentials);

        var result = await _fixture.Runtime.RunAsync(_fixture.Request(task), CancellationToken.None);

        Assert.Equal(TaskRunOutcome.Failed, result.Outcome);
        Assert.Contains("key=***", _fixture.AgentLog("t10"), StringComparison.Ordinal);
        Assert.DoesNotContain("sk-ant-very-secret-value", _fixture.AgentLog("t10"), StringComparison.Ordinal);
        Assert.DoesNotContain("sk-ant-very-secret-value", _fixture.KelosLog("t10"), StringComparison.Ordinal);
        Assert.DoesNotContain("sk-ant-very-secret-value", result.Message, StringComparison.Ordinal);
        Assert.Contains("stderr key=***", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingSecret_FailsNamingIt()
    {
        var credentials = new Credentials { Type = Credentials.ApiKey, SecretRef = new NameReference { Name = "nope" } };
        var task = LocalRunFixture.Task("t11", LocalRunFixture.Script("true"), credentials: credentials);

        var result = await _fixture.Runtime.RunAsync(_fixture.Request(task), CancellationToken.None);

        Assert.Equal(TaskRunOutcome.Failed, result.Outcome);
        Assert.Contains("Secret \"nope\"", result.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Sandboxed_WritesOutsideCloneAndHomeFail()
    {
        Assert.NotNull(Sandbox.Bubblewrap.Detect());
        // /tmp is private inside the sandbox, so the escape target is a host directory elsewhere.
        var hostDir = Directory.CreateDirectory($"/var/tmp/kelos-escape-{Guid.NewGuid():N}").FullName;
        var outside = Path.Combine(hostDir, "escaped");
        var secretsDir = _fixture.State.SecretsRoot;
        var task = LocalRunFixture.Task("t12", LocalRunFixture.Script($"""
            echo inside > INSIDE.md && echo "inside ok"
            echo home > "$HOME/note" && echo "home ok"
            (echo x > {outside} && echo "outside WROTE") || echo "outside blocked"
            (touch /usr/kelos-escape && echo "usr WROTE") || echo "usr blocked"
            (ls {secretsDir} 2>/dev/null | grep -q . && echo "secrets VISIBLE") || echo "secrets hidden"
            """));
        File.WriteAllText(Path.Combine(secretsDir, "canary.json"), "{}");

        var result = await _fixture.Runtime.RunAsync(_fixture.Request(task), CancellationToken.None);

        Assert.True(result.Outcome == TaskRunOutcome.Succeeded, result.Message);
        var log = _fixture.AgentLog("t12");
        Assert.Contains("inside ok", log, StringComparison.Ordinal);
        Assert.Contains("home ok", log, StringComparison.Ordinal);
        Assert.Contains("outside blocked", log, StringComparison.Ordinal);
        Assert.Contains("usr blocked", log, StringComparison.Ordinal);
        Assert.Contains("secrets hidden", log, StringComparison.Ordinal);
        Assert.False(File.Exists(outside));
        Directory.Delete(hostDir, recursive: true);
    }

    [Fact]
    public async Task CleanUpAfterCrash_LeftoverProcessGroup_IsKilled()
    {
        var sleeper = UniqueSleep();
        var task = LocalRunFixture.Task("t13", LocalRunFixture.Script($"sleep {sleeper} &\necho child started\nwait"));
        var run = _fixture.Runtime.RunAsync(_fixture.Request(task), CancellationToken.None);
        await WaitForLogAsync("t13", "child started");
        var groupFile = Path.Combine(_fixture.State.RunDirectory("t13"), "pgid");
        var group = File.ReadAllText(groupFile);

        // As if the process that started the run had died: a fresh runtime finds the group and stops it.
        var fresh = new LocalTaskRuntime(_fixture.State, TimeProvider.System, null, Microsoft.Extensions.Logging.Abstractions.NullLogger<LocalTaskRuntime>.Instance);
        File.WriteAllText(groupFile, group);
        fresh.CleanUpAfterCrash("t13");

        await AssertNoProcessAsync(sleeper);
        var ended = await run;
        Assert.NotEqual(TaskRunOutcome.Succeeded, ended.Outcome);
    }

    private static string UniqueSleep() => $"{Random.Shared.Next(100, 999)}.{Random.Shared.Next(100000, 999999)}";

    private string AgentLogOrEmpty(string task)
    {
        var path = Path.Combine(_fixture.State.RunDirectory(task), "agent.log");
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }

    private async Task WaitForLogAsync(string task, string text)
    {
        for (var i = 0; i < 200 && !AgentLogOrEmpty(task).Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
        }

        Assert.Contains(text, AgentLogOrEmpty(task), StringComparison.Ordinal);
    }

    /// <summary>No live process on the host runs <c>sleep SECONDS</c> (works inside and outside the sandbox's PID namespace).</summary>
    private static async Task AssertNoProcessAsync(string sleepSeconds)
    {
        for (var i = 0; i < 100 && SleepersAlive(sleepSeconds) > 0; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, SleepersAlive(sleepSeconds));
    }

    private static int SleepersAlive(string sleepSeconds) => Processes.CountSleeping(sleepSeconds);

    public void Dispose() => _fixture.Dispose();
}
