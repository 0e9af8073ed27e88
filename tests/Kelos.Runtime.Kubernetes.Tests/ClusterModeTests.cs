using k8s.Models;
using Kelos.Contracts;
using Kelos.Core.Resources;
using Kelos.Core.Store;
using Kelos.Testing.Kubernetes;
using static Kelos.Runtime.Kubernetes.Tests.ClusterTasks;

namespace Kelos.Runtime.Kubernetes.Tests;

/// <summary>
/// The controller in cluster mode end to end: Tasks created on the API server (as by kubectl) run as Jobs, the
/// stand-in plays the kubelet, and the Task's status and lifecycle events say what happened.
/// </summary>
public sealed class ClusterModeTests : IAsyncLifetime
{
    private KubernetesStandIn _cluster = null!;
    private readonly ControllerFleet _controllers = new();

    public async Task InitializeAsync() => _cluster = await KubernetesStandIn.StartAsync();

    [Fact]
    public async Task Task_PodSucceedsWithOutputsBlock_PendingRunningSucceededWithResults()
    {
        var controller = await _controllers.StartAsync(_cluster, "one");
        Create(_cluster, "fix");

        var pod = await PodOf(_cluster, "fix");
        Assert.Equal(TaskPhase.Running, Phase(_cluster, "fix"));
        _cluster.SetPodRunning(Ns, pod);
        _cluster.SetPodLog(Ns, pod, "kelos-agent", LogWithOutputs("kelos/fix"));
        _cluster.SetPodSucceeded(Ns, pod);

        await WaitForPhase(_cluster, "fix", TaskPhase.Succeeded);
        var status = Status(_cluster, "fix")!;
        Assert.Equal("The agent finished", status["message"]!.GetValue<string>());
        Assert.Equal("kelos/fix", status["results"]!["branch"]!.GetValue<string>());
        Assert.Equal("0123abcd", status["results"]!["commit"]!.GetValue<string>());
        Assert.Equal(1200, status["usage"]!["inputTokens"]!.GetValue<long>());
        Assert.Contains("branch: kelos/fix", status["outputs"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Contains(_cluster.Calls, c => c.Method == "PUT" && c.Path.EndsWith("/tasks/fix/status", StringComparison.Ordinal) && c.Body.Contains("\"Pending\"", StringComparison.Ordinal));
        Assert.True(await controller.Bus.Published.Any<TaskCreated>(m => m.Context.Message.TaskName == "fix"));
        Assert.True(await controller.Bus.Published.Any<TaskStarted>(m => m.Context.Message.TaskName == "fix"));
        Assert.True(await controller.Bus.Published.Any<TaskSucceeded>(m => m.Context.Message.TaskName == "fix" && m.Context.Message.Results["commit"] == "0123abcd"));
        var job = _cluster.Get<V1Job>(Ns, "fix")!;
        Assert.Equal("fix", job.Metadata.OwnerReferences.Single(o => o.Controller == true).Name);
    }

    [Fact]
    public async Task ControllerRestart_WhileRunning_SameJobFollowedToTheEnd()
    {
        var first = await _controllers.StartAsync(_cluster, "first");
        Create(_cluster, "long");
        var pod = await PodOf(_cluster, "long");
        _cluster.SetPodRunning(Ns, pod);

        await _controllers.StopAsync(first);
        Assert.Equal(TaskPhase.Running, Phase(_cluster, "long"));
        Assert.NotNull(_cluster.Get<V1Job>(Ns, "long"));

        var second = await _controllers.StartAsync(_cluster, "second");
        _cluster.SetPodLog(Ns, pod, "kelos-agent", LogWithOutputs("kelos/long"));
        _cluster.SetPodSucceeded(Ns, pod);

        await WaitForPhase(_cluster, "long", TaskPhase.Succeeded);
        Assert.Single(_cluster.Calls, c => c.Method == "POST" && c.Path.EndsWith("/jobs", StringComparison.Ordinal) && c.StatusCode == 201);
        Assert.Single(_cluster.JobPods(Ns, "long"));
        Assert.Equal("kelos/long", Status(_cluster, "long")!["results"]!["branch"]!.GetValue<string>());
        Assert.True(await second.Bus.Published.Any<TaskSucceeded>(m => m.Context.Message.TaskName == "long"));
        Assert.False(await second.Bus.Published.Any<TaskStarted>());
        Assert.DoesNotContain(_cluster.Calls, c => c.Path.EndsWith("/tasks/long/status", StringComparison.Ordinal) && c.Body.Contains("\"Failed\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DependsOn_Chain_SecondJobOnlyAfterFirstSucceeds()
    {
        await _controllers.StartAsync(_cluster, "one");
        Create(_cluster, "plan");
        Create(_cluster, "build", dependsOn: "plan");

        await PodOf(_cluster, "plan");
        await WaitForPhase(_cluster, "build", TaskPhase.Waiting);
        Assert.Equal("Waiting for dependency \"plan\"", Status(_cluster, "build")!["message"]!.GetValue<string>());
        Assert.Null(_cluster.Get<V1Job>(Ns, "build"));

        await SucceedAsync(_cluster, "plan");
        await WaitForPhase(_cluster, "plan", TaskPhase.Succeeded);
        await SucceedAsync(_cluster, "build");

        await WaitForPhase(_cluster, "build", TaskPhase.Succeeded);
    }

    [Fact]
    public async Task Cancel_RunningTask_JobDeletedWithItsPodsAndCancelled()
    {
        var controller = await _controllers.StartAsync(_cluster, "one");
        Create(_cluster, "stop-me");
        _cluster.SetPodRunning(Ns, await PodOf(_cluster, "stop-me"));

        Assert.Equal(CancelOutcome.Requested, TaskCancellation.Request(controller.Store, "stop-me", "bob"));

        await WaitForPhase(_cluster, "stop-me", TaskPhase.Cancelled);
        Assert.Equal("Cancelled by bob", Status(_cluster, "stop-me")!["message"]!.GetValue<string>());
        var delete = Assert.Single(_cluster.Calls, c => c.Method == "DELETE" && c.Path.EndsWith("/jobs/stop-me", StringComparison.Ordinal));
        Assert.Contains("Background", delete.Query + delete.Body, StringComparison.Ordinal);
        Assert.Null(_cluster.Get<V1Job>(Ns, "stop-me"));
        Assert.DoesNotContain(_cluster.List<V1Pod>(Ns), p => p.Metadata.Labels["job-name"] == "stop-me");
        Assert.True(await controller.Bus.Published.Any<TaskCancelled>(m => m.Context.Message.TaskName == "stop-me" && m.Context.Message.CancelledBy == "bob"));
    }

    public async Task DisposeAsync()
    {
        await _controllers.StopAllAsync();

        await _cluster.DisposeAsync();
    }
}
