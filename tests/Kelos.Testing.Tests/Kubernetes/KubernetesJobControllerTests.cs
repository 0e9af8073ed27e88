using System.Net;
using k8s;
using k8s.Models;
using Kelos.Testing.Kubernetes;
using static Kelos.Testing.Tests.Kubernetes.KubeObjects;

namespace Kelos.Testing.Tests.Kubernetes;

/// <summary>The stand-in's job controller and the pod life helpers, seen through the real client.</summary>
public sealed class KubernetesJobControllerTests
{
    [Fact]
    public async Task CreatedJob_GetsAnOwnedPodNamedAfterIt()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();

        var job = await client.BatchV1.CreateNamespacedJobAsync(Job("task-1"), Namespace);
        var pods = await client.CoreV1.ListNamespacedPodAsync(Namespace, labelSelector: "job-name=task-1");

        var pod = Assert.Single(pods.Items);
        Assert.Matches("^task-1-[a-z0-9]{5}$", pod.Metadata.Name);
        Assert.Equal(job.Metadata.Uid, pod.Metadata.Labels["controller-uid"]);
        Assert.Equal(job.Metadata.Uid, pod.Metadata.Labels["batch.kubernetes.io/controller-uid"]);
        Assert.Equal("task-1", pod.Metadata.Labels["kelos.dev/task"]);
        var owner = Assert.Single(pod.Metadata.OwnerReferences);
        Assert.Equal(("Job", "task-1", job.Metadata.Uid, true), (owner.Kind, owner.Name, owner.Uid, owner.Controller == true));
        Assert.Equal("Pending", pod.Status.Phase);
        Assert.Equal(["Fix the bug"], pod.Spec.Containers.Single().Args);
        var mirrored = await client.BatchV1.ReadNamespacedJobAsync("task-1", Namespace);
        Assert.Equal(1, mirrored.Status.Active);
        Assert.NotNull(mirrored.Status.StartTime);
    }

    [Fact]
    public async Task PodRunningThenSucceeded_JobCompletes()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        await client.BatchV1.CreateNamespacedJobAsync(Job("task-1"), Namespace);
        var pod = k8s.JobPods(Namespace, "task-1").Single().Metadata.Name;

        k8s.SetPodRunning(Namespace, pod);
        var running = await client.BatchV1.ReadNamespacedJobAsync("task-1", Namespace);
        k8s.SetPodSucceeded(Namespace, pod);
        var done = await client.BatchV1.ReadNamespacedJobAsync("task-1", Namespace);
        var finishedPod = await client.CoreV1.ReadNamespacedPodAsync(pod, Namespace);

        Assert.Equal((1, 1), (running.Status.Active, running.Status.Ready));
        Assert.Null(running.Status.Conditions);
        Assert.Equal((0, 1), (done.Status.Active, done.Status.Succeeded));
        Assert.Equal(["SuccessCriteriaMet", "Complete"], done.Status.Conditions.Select(c => c.Type));
        Assert.All(done.Status.Conditions, c => Assert.Equal("True", c.Status));
        Assert.NotNull(done.Status.CompletionTime);
        Assert.Equal("Succeeded", finishedPod.Status.Phase);
        var agent = finishedPod.Status.ContainerStatuses.Single();
        Assert.Equal((0, "Completed"), (agent.State.Terminated.ExitCode, agent.State.Terminated.Reason));
    }

    [Fact]
    public async Task PodOomKilled_JobFailsWithBackoffLimitExceeded()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        await client.BatchV1.CreateNamespacedJobAsync(Job("task-1"), Namespace);
        var pod = k8s.JobPods(Namespace, "task-1").Single().Metadata.Name;
        k8s.SetPodRunning(Namespace, pod);

        k8s.SetPodFailed(Namespace, pod, exitCode: 137, reason: "OOMKilled");
        var job = await client.BatchV1.ReadNamespacedJobAsync("task-1", Namespace);
        var failedPod = await client.CoreV1.ReadNamespacedPodAsync(pod, Namespace);

        Assert.Equal(1, job.Status.Failed);
        var failed = job.Status.Conditions.Single(c => c.Type == "Failed");
        Assert.Equal("BackoffLimitExceeded", failed.Reason);
        Assert.Null(job.Status.CompletionTime);
        var terminated = failedPod.Status.ContainerStatuses.Single().State.Terminated;
        Assert.Equal((137, "OOMKilled"), (terminated.ExitCode, terminated.Reason));
        Assert.Equal("Failed", failedPod.Status.Phase);
    }

    [Fact]
    public async Task PodFailedWithinBackoffLimit_IsReplaced()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        await client.BatchV1.CreateNamespacedJobAsync(Job("task-1", backoffLimit: 1), Namespace);
        var first = k8s.JobPods(Namespace, "task-1").Single().Metadata.Name;

        k8s.SetPodFailed(Namespace, first);
        var pods = k8s.JobPods(Namespace, "task-1");
        var job = await client.BatchV1.ReadNamespacedJobAsync("task-1", Namespace);

        Assert.Equal(2, pods.Count);
        Assert.Equal(first, pods[0].Metadata.Name);
        Assert.Equal("Pending", pods[1].Status.Phase);
        Assert.Equal((1, 1), (job.Status.Active, job.Status.Failed));
        Assert.Null(job.Status.Conditions);
    }

    [Fact]
    public async Task ImagePullBackOff_IsAWaitingReasonOnAPendingPod()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        await client.BatchV1.CreateNamespacedJobAsync(Job("task-1"), Namespace);
        var pod = k8s.JobPods(Namespace, "task-1").Single().Metadata.Name;

        k8s.SetPodWaiting(Namespace, pod, "ImagePullBackOff", "Back-off pulling image \"kelos/claude-code:latest\"");
        var read = await client.CoreV1.ReadNamespacedPodAsync(pod, Namespace);

        Assert.Equal("Pending", read.Status.Phase);
        var waiting = read.Status.ContainerStatuses.Single().State.Waiting;
        Assert.Equal("ImagePullBackOff", waiting.Reason);
        Assert.Contains("Back-off pulling image", waiting.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await client.BatchV1.ReadNamespacedJobAsync("task-1", Namespace)).Status.Active);
    }

    [Fact]
    public async Task FailInitContainer_ReportsItsExitCodeAndKeepsTheAgentWaiting()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        await client.BatchV1.CreateNamespacedJobAsync(Job("task-1", withInit: true), Namespace);
        var pod = k8s.JobPods(Namespace, "task-1").Single().Metadata.Name;

        k8s.FailInitContainer(Namespace, pod, "git-clone", exitCode: 128);
        var read = await client.CoreV1.ReadNamespacedPodAsync(pod, Namespace);

        Assert.Equal("Failed", read.Status.Phase);
        var clone = read.Status.InitContainerStatuses.Single();
        Assert.Equal(("git-clone", 128, "Error"), (clone.Name, clone.State.Terminated.ExitCode, clone.State.Terminated.Reason));
        Assert.Equal("PodInitializing", read.Status.ContainerStatuses.Single().State.Waiting.Reason);
        Assert.Equal("False", read.Status.Conditions.Single(c => c.Type == "Initialized").Status);
    }

    [Fact]
    public async Task EvictPod_SetsReasonAndMessage()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        await client.BatchV1.CreateNamespacedJobAsync(Job("task-1"), Namespace);
        var pod = k8s.JobPods(Namespace, "task-1").Single().Metadata.Name;
        k8s.SetPodRunning(Namespace, pod);

        k8s.EvictPod(Namespace, pod, "The node was low on resource: ephemeral-storage.");
        var read = await client.CoreV1.ReadNamespacedPodAsync(pod, Namespace);

        Assert.Equal(("Failed", "Evicted"), (read.Status.Phase, read.Status.Reason));
        Assert.Equal("The node was low on resource: ephemeral-storage.", read.Status.Message);
    }

    [Fact]
    public async Task ExceedJobDeadline_FailsTheJobAndDeletesItsPod()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        await client.BatchV1.CreateNamespacedJobAsync(Job("task-1"), Namespace);
        var pod = k8s.JobPods(Namespace, "task-1").Single().Metadata.Name;
        k8s.SetPodRunning(Namespace, pod);

        k8s.ExceedJobDeadline(Namespace, "task-1");
        var job = await client.BatchV1.ReadNamespacedJobAsync("task-1", Namespace);

        Assert.Equal("DeadlineExceeded", job.Status.Conditions.Single(c => c.Type == "Failed").Reason);
        Assert.Equal((0, 1), (job.Status.Active, job.Status.Failed));
        Assert.Empty(k8s.JobPods(Namespace, "task-1"));
    }

    [Fact]
    public async Task DeleteJob_WithoutPolicy_OrphansPodsAndWarns()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        await client.BatchV1.CreateNamespacedJobAsync(Job("task-1"), Namespace);
        var pod = k8s.JobPods(Namespace, "task-1").Single().Metadata.Name;
        using var http = new HttpClient { BaseAddress = k8s.BaseUrl };

        using var response = await http.DeleteAsync(new Uri($"apis/batch/v1/namespaces/{Namespace}/jobs/task-1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("child pods are preserved", string.Join(' ', response.Headers.GetValues("Warning")), StringComparison.Ordinal);
        Assert.Null(k8s.Get<V1Job>(Namespace, "task-1"));
        var orphan = k8s.Get<V1Pod>(Namespace, pod);
        Assert.NotNull(orphan);
        Assert.Null(orphan.Metadata.OwnerReferences);
    }

    [Theory]
    [InlineData("Background")]
    [InlineData("Foreground")]
    public async Task DeleteJob_WithCascade_DeletesItsPods(string policy)
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        await client.BatchV1.CreateNamespacedJobAsync(Job("task-1"), Namespace);
        var pod = k8s.JobPods(Namespace, "task-1").Single().Metadata.Name;

        await client.BatchV1.DeleteNamespacedJobAsync("task-1", Namespace, propagationPolicy: policy);

        Assert.Null(k8s.Get<V1Job>(Namespace, "task-1"));
        Assert.Null(k8s.Get<V1Pod>(Namespace, pod));
    }

    [Fact]
    public async Task PodPhases_ReachAPodWatchAsModifiedEvents()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var start = k8s.ResourceVersion;
        var watch = Watches.CollectAsync<V1Pod>(
            (onError, cancel) => client.CoreV1.WatchListNamespacedPodAsync(Namespace, resourceVersion: start, labelSelector: "job-name=task-1", onError: onError, cancellationToken: cancel),
            count: 3);

        await client.BatchV1.CreateNamespacedJobAsync(Job("task-1"), Namespace);
        var pod = k8s.JobPods(Namespace, "task-1").Single().Metadata.Name;
        k8s.SetPodRunning(Namespace, pod);
        k8s.SetPodSucceeded(Namespace, pod);
        var (events, _) = await watch;

        Assert.Equal(
            [(WatchEventType.Added, "Pending"), (WatchEventType.Modified, "Running"), (WatchEventType.Modified, "Succeeded")],
            events.Select(e => (e.Type, e.Object.Status.Phase)));
    }

    [Fact]
    public async Task WithoutJobController_JobsGetNoPods()
    {
        await using var k8s = await KubernetesStandIn.StartAsync(new KubernetesStandInOptions { RunJobController = false });
        using var client = k8s.CreateClient();

        await client.BatchV1.CreateNamespacedJobAsync(Job("task-1"), Namespace);

        Assert.Empty(k8s.JobPods(Namespace, "task-1"));
        Assert.Empty(k8s.List<V1Pod>(Namespace));
    }
}
