using k8s.Models;
using Kelos.Core.Resources;
using Kelos.Core.Store;
using Kelos.Runtime.Kubernetes.Events;
using Kelos.Runtime.Kubernetes.Store;
using Kelos.Testing.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;
using static Kelos.Runtime.Kubernetes.Tests.ClusterTasks;

namespace Kelos.Runtime.Kubernetes.Tests;

/// <summary>The Kubernetes Events a person sees with <c>kubectl describe task</c> as a Task moves through its phases.</summary>
public sealed class TaskEventTests : IAsyncLifetime
{
    private KubernetesStandIn _cluster = null!;
    private readonly ControllerFleet _controllers = new();

    public async Task InitializeAsync() => _cluster = await KubernetesStandIn.StartAsync();

    [Fact]
    public async Task Task_WaitsRunsAndSucceeds_NormalEventsAboutTheTaskFromTheController()
    {
        await _controllers.StartAsync(_cluster, "one");
        Create(_cluster, "plan");
        Create(_cluster, "build", dependsOn: "plan");
        await WaitForPhase(_cluster, "build", TaskPhase.Waiting);
        await SucceedAsync(_cluster, "plan");
        await WaitForPhase(_cluster, "plan", TaskPhase.Succeeded);

        var task = TaskObject(_cluster, "plan")!;
        var events = await EventsAsync("plan", 2);
        Assert.Equal(["Started", "Succeeded"], events.Select(e => e.Reason));
        Assert.All(events, e =>
        {
            Assert.Equal("Normal", e.Type);
            Assert.Equal("kelos.dev/v1alpha1", e.InvolvedObject.ApiVersion);
            Assert.Equal("Task", e.InvolvedObject.Kind);
            Assert.Equal(Ns, e.InvolvedObject.NamespaceProperty);
            Assert.Equal(task["metadata"]!["uid"]!.GetValue<string>(), e.InvolvedObject.Uid);
            Assert.Equal("kelos-controller", e.Source.Component);
            Assert.Equal("kelos-controller", e.ReportingComponent);
            Assert.Equal("one", e.ReportingInstance);
        });
        Assert.Equal("The agent is running (claude-code)", events[0].Message);
        Assert.Equal("The agent finished", events[1].Message);
        var waiting = (await EventsAsync("build", 1))[0];
        Assert.Equal(("Waiting", "Normal", "Waiting for dependency \"plan\""), (waiting.Reason, waiting.Type, waiting.Message));
    }

    [Fact]
    public async Task Task_AgentFails_WarningEventWithTheFailureMessage()
    {
        await _controllers.StartAsync(_cluster, "one");
        Create(_cluster, "crash");
        var pod = await PodOf(_cluster, "crash");
        _cluster.SetPodRunning(Ns, pod);

        _cluster.SetPodFailed(Ns, pod, exitCode: 3, container: "kelos-agent");

        var failed = (await EventsAsync("crash", 2))[1];
        Assert.Equal(("Failed", "Warning", "The agent exited with code 3"), (failed.Reason, failed.Type, failed.Message));
    }

    [Fact]
    public async Task Task_Cancelled_CancelledEventSaysByWhom()
    {
        var controller = await _controllers.StartAsync(_cluster, "one");
        Create(_cluster, "stop-me");
        await PodOf(_cluster, "stop-me");

        TaskCancellation.Request(controller.Store, "stop-me", "bob");

        var cancelled = (await EventsAsync("stop-me", 2))[1];
        Assert.Equal(("Cancelled", "Normal", "Cancelled by bob"), (cancelled.Reason, cancelled.Type, cancelled.Message));
    }

    [Fact]
    public async Task RecordAsync_SameTransitionTwice_OneEvent()
    {
        Create(_cluster, "twice");
        using var client = _cluster.CreateClient();
        await using var store = new KubernetesResourceStore(client, Ns, TimeProvider.System, NullLogger<KubernetesResourceStore>.Instance);
        var task = ((IResourceStore)store).Find<KelosTask>("twice")!;
        var recorder = new KubernetesTaskEventRecorder(client, Ns, "one", TimeProvider.System, NullLogger<KubernetesTaskEventRecorder>.Instance);

        await recorder.RecordAsync(task, TaskPhase.Failed, "The agent exited with code 1", CancellationToken.None);
        await recorder.RecordAsync(task, TaskPhase.Failed, "The agent exited with code 1", CancellationToken.None);

        var recorded = Assert.Single(_cluster.List<Corev1Event>(Ns));
        Assert.Equal("Failed", recorded.Reason);
        Assert.Equal(1, recorded.Count);
        Assert.Equal([201, 409], _cluster.Calls.Where(c => c.Method == "POST" && c.Path.EndsWith("/events", StringComparison.Ordinal)).Select(c => c.StatusCode));
    }

    /// <summary>The Events about a Task, oldest first, once there are at least <paramref name="count"/>.</summary>
    private async Task<IReadOnlyList<Corev1Event>> EventsAsync(string task, int count)
    {
        IReadOnlyList<Corev1Event> About() =>
            [.. _cluster.List<Corev1Event>(Ns).Where(e => e.InvolvedObject.Name == task).OrderBy(e => e.Metadata.ResourceVersion.Length).ThenBy(e => e.Metadata.ResourceVersion, StringComparer.Ordinal)];
        await Eventually.True(() => About().Count >= count, $"{count} Events about Task {task}");
        return About();
    }

    public async Task DisposeAsync()
    {
        await _controllers.StopAllAsync();

        await _cluster.DisposeAsync();
    }
}
