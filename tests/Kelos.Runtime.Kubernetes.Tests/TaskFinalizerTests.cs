using k8s.Models;
using Kelos.Core.Resources;
using Kelos.Testing.Kubernetes;
using static Kelos.Runtime.Kubernetes.Tests.ClusterTasks;

namespace Kelos.Runtime.Kubernetes.Tests;

/// <summary>
/// The cleanup finalizer: a deleted Task (as by <c>kubectl delete task</c>) stays until the controller stopped its agent,
/// removed its Job and Secret and released its branch; then it goes.
/// </summary>
public sealed class TaskFinalizerTests : IAsyncLifetime
{
    private KubernetesStandIn _cluster = null!;
    private readonly ControllerFleet _controllers = new();

    public async Task InitializeAsync()
    {
        _cluster = await KubernetesStandIn.StartAsync();
        CreateSecret(_cluster, "gh", new() { ["GITHUB_TOKEN"] = "ghs_copied" });
        CreateWorkspace(_cluster, "app", secretRef: "gh");
    }

    [Fact]
    public async Task Accept_NewTask_CarriesTheCleanupFinalizer()
    {
        await _controllers.StartAsync(_cluster, "one");
        Create(_cluster, "fresh");

        await PodOf(_cluster, "fresh");

        Assert.Equal(["kelos.dev/cleanup"], TaskObject(_cluster, "fresh")!["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public async Task Delete_RunningTask_JobAndSecretDeletedTaskGoneAndTheTaskWaitingForItsBranchStarts()
    {
        await _controllers.StartAsync(_cluster, "one");
        Create(_cluster, "first", workspace: "app", branch: "fix/shared");
        _cluster.SetPodRunning(Ns, await PodOf(_cluster, "first"));
        Create(_cluster, "second", workspace: "app", branch: "fix/shared");
        await WaitForPhase(_cluster, "second", TaskPhase.Waiting);
        Assert.NotNull(_cluster.Get<V1Secret>(Ns, "first-github-token"));

        await DeleteAsync(_cluster, "first");

        await Eventually.True(() => TaskObject(_cluster, "first") is null, "Task first to be gone");
        var jobDelete = Assert.Single(_cluster.Calls, c => c.Method == "DELETE" && c.Path.EndsWith("/jobs/first", StringComparison.Ordinal) && c.StatusCode == 200);
        Assert.Contains("Background", jobDelete.Query + jobDelete.Body, StringComparison.Ordinal);
        Assert.Contains(_cluster.Calls, c => c.Method == "DELETE" && c.Path.EndsWith("/secrets/first-github-token", StringComparison.Ordinal) && c.StatusCode == 200);
        Assert.Null(_cluster.Get<V1Job>(Ns, "first"));
        Assert.Null(_cluster.Get<V1Secret>(Ns, "first-github-token"));
        Assert.DoesNotContain(_cluster.List<V1Pod>(Ns), p => p.Metadata.Labels["job-name"] == "first");
        await PodOf(_cluster, "second");
        await WaitForPhase(_cluster, "second", TaskPhase.Running);
    }

    [Fact]
    public async Task Delete_FinishedTask_Gone()
    {
        await _controllers.StartAsync(_cluster, "one");
        Create(_cluster, "done", workspace: "app");
        await SucceedAsync(_cluster, "done");
        await WaitForPhase(_cluster, "done", TaskPhase.Succeeded);

        await DeleteAsync(_cluster, "done");

        await Eventually.True(() => TaskObject(_cluster, "done") is null, "Task done to be gone");
        Assert.Null(_cluster.Get<V1Job>(Ns, "done"));
        Assert.Null(_cluster.Get<V1Secret>(Ns, "done-github-token"));
    }

    [Fact]
    public async Task ControllerRestart_BetweenDeleteAndCleanup_NextControllerFinishesIt()
    {
        var first = await _controllers.StartAsync(_cluster, "first");
        Create(_cluster, "orphaned", workspace: "app");
        _cluster.SetPodRunning(Ns, await PodOf(_cluster, "orphaned"));
        await _controllers.StopAsync(first);

        await DeleteAsync(_cluster, "orphaned");
        var waiting = TaskObject(_cluster, "orphaned")!;
        Assert.NotNull(waiting["metadata"]!["deletionTimestamp"]);
        Assert.NotNull(_cluster.Get<V1Job>(Ns, "orphaned"));

        await _controllers.StartAsync(_cluster, "second");

        await Eventually.True(() => TaskObject(_cluster, "orphaned") is null, "Task orphaned to be gone");
        Assert.Null(_cluster.Get<V1Job>(Ns, "orphaned"));
        Assert.Null(_cluster.Get<V1Secret>(Ns, "orphaned-github-token"));
        Assert.Single(_cluster.Calls, c => c.Method == "POST" && c.Path.EndsWith("/jobs", StringComparison.Ordinal) && c.StatusCode == 201);
        Assert.Contains(_cluster.Calls, c => c.Method == "DELETE" && c.Path.EndsWith("/jobs/orphaned", StringComparison.Ordinal) && c.StatusCode == 200);
    }

    public async Task DisposeAsync()
    {
        await _controllers.StopAllAsync();

        await _cluster.DisposeAsync();
    }
}
