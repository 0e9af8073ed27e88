using System.Text.Json.Nodes;
using k8s.Models;
using Kelos.Core.Resources;
using Kelos.Testing.GitHub;
using Kelos.Testing.Kubernetes;
using static Kelos.Runtime.Kubernetes.Tests.ClusterTasks;

namespace Kelos.Runtime.Kubernetes.Tests;

/// <summary>
/// Embedded-mode semantics on a cluster: the branch lock's queue (first come, first served, by the API server's
/// creationTimestamp) is the same after a controller restart, and ttlSecondsAfterFinished deletes a finished Task,
/// its Job going with it.
/// </summary>
public sealed class ClusterQueueTests : IAsyncLifetime
{
    // The API server's clock: creationTimestamps have whole seconds, so each Task is created a second apart.
    private readonly ManualTimeProvider _apiClock = new();
    private readonly ControllerFleet _controllers = new();
    private KubernetesStandIn _cluster = null!;

    public async Task InitializeAsync() => _cluster = await KubernetesStandIn.StartAsync(new KubernetesStandInOptions { TimeProvider = _apiClock });

    [Fact]
    public async Task BranchLock_QueueOrderKeptAcrossAControllerRestart()
    {
        CreateWorkspace(_cluster, "app");
        var first = await _controllers.StartAsync(_cluster, "first");
        // Created in this order; by name the order would be the reverse, so only the creation order explains the runs.
        foreach (var name in new[] { "zeta-holder", "mu-next", "alpha-last" })
        {
            _cluster.CreateObject(OnSharedBranch(name));
            _apiClock.Advance(TimeSpan.FromSeconds(1));
        }

        _cluster.SetPodRunning(Ns, await PodOf(_cluster, "zeta-holder"));
        await WaitForPhase(_cluster, "mu-next", TaskPhase.Waiting);
        await WaitForPhase(_cluster, "alpha-last", TaskPhase.Waiting);
        Assert.Equal("Waiting for branch \"shared\" (locked by zeta-holder)", (string?)Status(_cluster, "alpha-last")!["message"]);

        await _controllers.StopAsync(first);
        await _controllers.StartAsync(_cluster, "second");
        await SucceedAsync(_cluster, "zeta-holder");

        await WaitForPhase(_cluster, "zeta-holder", TaskPhase.Succeeded);
        _cluster.SetPodRunning(Ns, await PodOf(_cluster, "mu-next"));
        await WaitForPhase(_cluster, "mu-next", TaskPhase.Running);
        Assert.Null(_cluster.Get<V1Job>(Ns, "alpha-last"));
        // Its message says who holds the branch now once the next pass has looked at it.
        await Eventually.True(() => (string?)Status(_cluster, "alpha-last")!["message"] == "Waiting for branch \"shared\" (locked by mu-next)", "alpha-last to wait for mu-next");
        await SucceedAsync(_cluster, "mu-next");
        await SucceedAsync(_cluster, "alpha-last");
        await WaitForPhase(_cluster, "alpha-last", TaskPhase.Succeeded);
    }

    [Fact]
    public async Task TtlSecondsAfterFinished_FinishedTaskDeletedWithItsJob()
    {
        CreateWorkspace(_cluster, "app");
        await _controllers.StartAsync(_cluster, "one");
        var task = OnSharedBranch("short-lived");
        task["spec"]!["ttlSecondsAfterFinished"] = 0;
        _cluster.CreateObject(task);

        await SucceedAsync(_cluster, "short-lived");

        await Eventually.True(() => _cluster.GetObject("kelos.dev/v1alpha1", "tasks", Ns, "short-lived") is null, "the Task to be deleted after its TTL");
        Assert.Null(_cluster.Get<V1Job>(Ns, "short-lived"));
        Assert.Null(_cluster.Get<V1Secret>(Ns, "short-lived-github-token"));
    }

    public async Task DisposeAsync()
    {
        await _controllers.StopAllAsync();

        await _cluster.DisposeAsync();
    }

    private static JsonObject OnSharedBranch(string name) => new()
    {
        ["apiVersion"] = "kelos.dev/v1alpha1",
        ["kind"] = "Task",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Ns },
        ["spec"] = new JsonObject
        {
            ["type"] = "claude-code",
            ["prompt"] = $"work on {name}",
            ["branch"] = "shared",
            ["workspaceRef"] = new JsonObject { ["name"] = "app" },
            ["credentials"] = new JsonObject { ["type"] = "api-key", ["secretRef"] = new JsonObject { ["name"] = "model-key" } },
        },
    };
}
