using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Testing;

namespace Kelos.Runtime.Local.Tests;

/// <summary>What an agent must not be able to do to the host, and what must not hang a run.</summary>
public sealed class RunHardeningTests : IDisposable
{
    private readonly LocalRunFixture _fixture = new();
    private readonly string _hostDir = Directory.CreateDirectory($"/var/tmp/kelos-hardening-{Guid.NewGuid():N}").FullName;

    [Fact]
    public async Task RunAsync_AgentPlantsGitHookAndNewOrigin_PushRunsNeitherAndGoesToTheWorkspace()
    {
        using var remote = await BareRemote.CreateAsync();
        using var elsewhere = await BareRemote.CreateAsync();
        var marker = Path.Combine(_hostDir, "hook-ran");
        var task = LocalRunFixture.Task("hooked", LocalRunFixture.Script($"""
            printf '#!/bin/sh\ntouch {marker}\n' > .git/hooks/pre-push && chmod +x .git/hooks/pre-push
            git config core.hooksPath .git/hooks
            git remote set-url origin {elsewhere.Path}
            echo x > X.md && git add X.md && git commit -qm x
            """), workspace: "ws");

        var result = await _fixture.Runtime.RunAsync(_fixture.Request(task, LocalRunFixture.Workspace(remote.Path)), CancellationToken.None);

        Assert.True(result.Outcome == TaskRunOutcome.Succeeded, result.Message);
        Assert.False(File.Exists(marker), "a hook the agent planted ran on the host");
        Assert.Equal(result.Results["commit"], await remote.BranchHeadAsync("kelos/hooked"));
        Assert.Null(await elsewhere.BranchHeadAsync("kelos/hooked"));
    }

    [Fact]
    public async Task RunAsync_WorkspaceFileThroughSymlinkInRepo_RefusedAndTargetUntouched()
    {
        using var remote = await BareRemote.CreateAsync();
        var victim = Path.Combine(_hostDir, "victim.txt");
        File.WriteAllText(victim, "original");
        await remote.PushSymlinkAsync("main", "CLAUDE.md", victim);
        var task = LocalRunFixture.Task("linked", LocalRunFixture.Script("true"), workspace: "ws");
        var workspace = LocalRunFixture.Workspace(remote.Path, files: [new WorkspaceFile { Path = "CLAUDE.md", Content = "overwritten" }]);

        var result = await _fixture.Runtime.RunAsync(_fixture.Request(task, workspace), CancellationToken.None);

        Assert.Equal(TaskRunOutcome.Failed, result.Outcome);
        Assert.Contains("goes through a symbolic link", result.Message, StringComparison.Ordinal);
        Assert.Equal("original", File.ReadAllText(victim));
    }

    [Fact]
    public async Task RunAsync_BranchIsTheRemoteDefaultWhileRefIsATag_RefusedAndMainUntouched()
    {
        using var remote = await BareRemote.CreateAsync();
        await remote.GitAsync(["tag", "v1", "main"]);
        var before = await remote.BranchHeadAsync("main");
        var task = LocalRunFixture.Task("tagged", LocalRunFixture.Script("git commit -q --allow-empty -m sneaky"), workspace: "ws", branch: "main");

        var result = await _fixture.Runtime.RunAsync(_fixture.Request(task, LocalRunFixture.Workspace(remote.Path, reference: "v1")), CancellationToken.None);

        Assert.Equal(TaskRunOutcome.Failed, result.Outcome);
        Assert.Contains("base branch", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, await remote.BranchHeadAsync("main"));
    }

    [Fact]
    public async Task RunAsync_AgentScriptInTheHiddenHome_HomeStaysHidden()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var canary = Path.Combine(home, $".kelos-canary-{Guid.NewGuid():N}");
        var script = Path.Combine(home, $"kelos-agent-{Guid.NewGuid():N}.sh");
        File.WriteAllText(canary, "private");
        File.WriteAllText(script, $"#!/usr/bin/env bash\n(cat {canary} && echo CANARY-VISIBLE) || echo canary-hidden\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var result = await _fixture.Runtime.RunAsync(_fixture.Request(LocalRunFixture.Task("homely", script)), CancellationToken.None);

            Assert.True(result.Outcome == TaskRunOutcome.Succeeded, result.Message);
            var log = _fixture.AgentLog("homely");
            Assert.Contains("canary-hidden", log, StringComparison.Ordinal);
            Assert.DoesNotContain("CANARY-VISIBLE", log, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(canary);
            File.Delete(script);
        }
    }

    [Fact]
    public async Task RunAsync_UnsandboxedAgentLeavesABackgroundChild_RunEndsAndChildIsStopped()
    {
        using var plain = new LocalRunFixture(sandboxed: false);
        var seconds = $"{Random.Shared.Next(100, 999)}.{Random.Shared.Next(100000, 999999)}";
        var task = LocalRunFixture.Task("leaver", LocalRunFixture.Script($"sleep {seconds} &\necho left a child"));

        var result = await plain.Runtime.RunAsync(plain.Request(task), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.Outcome == TaskRunOutcome.Succeeded, result.Message);
        Assert.Equal(0, Processes.CountSleeping(seconds));
    }

    [Fact]
    public async Task RunAsync_GitHubAppSecretWithoutSandbox_RefusedSoTheAgentCannotReachTheKey()
    {
        using var plain = new LocalRunFixture(sandboxed: false);
        using var remote = await BareRemote.CreateAsync();
        plain.AddSecret("app", new() { ["appID"] = "1", ["installationID"] = "2", ["privateKey"] = "-----BEGIN RSA PRIVATE KEY-----\nx\n-----END RSA PRIVATE KEY-----" });
        var task = LocalRunFixture.Task("keyed", LocalRunFixture.Script("echo ran"), workspace: "ws");

        var result = await plain.Runtime.RunAsync(plain.Request(task, LocalRunFixture.Workspace(remote.Path, secret: "app")), CancellationToken.None);

        Assert.Equal(TaskRunOutcome.Failed, result.Outcome);
        Assert.Contains("run only sandboxed", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CleanUpAfterCrash_NoRunDirectory_DoesNotThrow()
    {
        _fixture.Runtime.CleanUpAfterCrash("never-ran");
        _fixture.Runtime.Forget("never-ran");

        Assert.DoesNotContain("never-ran", _fixture.Runtime.RunNames());
        await Task.CompletedTask;
    }

    public void Dispose()
    {
        _fixture.Dispose();
        Directory.Delete(_hostDir, recursive: true);
    }
}
