using k8s.Models;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Core.Store;
using Kelos.Runtime.Kubernetes.Runs;
using Kelos.Runtime.Kubernetes.Store;
using Kelos.Testing.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;
using static Kelos.Runtime.Kubernetes.Tests.ClusterTasks;

namespace Kelos.Runtime.Kubernetes.Tests;

/// <summary>How the runtime words the usual ways a Job fails, as a person reads them in the Task's status.</summary>
public sealed class TaskRuntimeFailureTests : IAsyncLifetime
{
    private KubernetesStandIn _cluster = null!;
    private k8s.Kubernetes _client = null!;
    private IResourceStore _store = null!;
    private KubernetesTaskRuntime _runtime = null!;

    public async Task InitializeAsync()
    {
        _cluster = await KubernetesStandIn.StartAsync();
        _client = _cluster.CreateClient();
        _store = new KubernetesResourceStore(_client, Ns, TimeProvider.System, NullLogger<KubernetesResourceStore>.Instance);
        _runtime = new KubernetesTaskRuntime(_client, Ns, new AgentImages(), TimeProvider.System, NullLogger<KubernetesTaskRuntime>.Instance);
    }

    [Fact]
    public async Task RunAsync_InitContainerFails_NamesItWithItsLastLogLines()
    {
        CreateWorkspace(_cluster, "app");
        _cluster.Create(new V1Secret { Metadata = new V1ObjectMeta { Name = "model-key", NamespaceProperty = Ns }, StringData = new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = "sk-ant-secret-value" } });
        var (run, pod) = await StartAsync("clone-fails", workspace: "app");

        _cluster.SetPodLog(Ns, pod, "git-clone", "Cloning into '/workspace/repo'...\nfatal: repository 'https://github.com/example/app.git/' not found (key sk-ant-secret-value)\n");
        _cluster.FailInitContainer(Ns, pod, "git-clone", exitCode: 128);

        var result = await run;
        Assert.Equal(TaskRunOutcome.Failed, result.Outcome);
        // The message reaches the Task's status, an Event and GitHub: its lines are masked as the log is.
        Assert.Equal(
            "Init container git-clone failed (exit code 128):\nCloning into '/workspace/repo'...\nfatal: repository 'https://github.com/example/app.git/' not found (key ***)",
            result.Message);
    }

    [Fact]
    public async Task RunAsync_AgentOomKilled_SaysItRanOutOfMemory()
    {
        var (run, pod) = await StartAsync("big");
        _cluster.SetPodRunning(Ns, pod);

        _cluster.SetPodFailed(Ns, pod, exitCode: 137, reason: "OOMKilled", container: "kelos-agent");

        var result = await run;
        Assert.Equal(TaskRunOutcome.Failed, result.Outcome);
        Assert.StartsWith("The agent ran out of memory (OOMKilled", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ImagePullBackOff_SaysWhichImageAndDeletesTheJob()
    {
        var (run, pod) = await StartAsync("bad-image");

        _cluster.SetPodWaiting(Ns, pod, "ImagePullBackOff", "Back-off pulling image \"ghcr.io/kelos-dev/kelos-agent-claude-code:v0\"", "kelos-agent");

        var result = await run;
        Assert.Equal(TaskRunOutcome.Failed, result.Outcome);
        Assert.StartsWith("Cannot pull image ", result.Message, StringComparison.Ordinal);
        Assert.Contains("for container kelos-agent (ImagePullBackOff): Back-off pulling image", result.Message, StringComparison.Ordinal);
        Assert.Null(_cluster.Get<V1Job>(Ns, "bad-image"));
    }

    [Fact]
    public async Task RunAsync_DeadlineExceeded_SaysTheTaskRanTooLong()
    {
        var (run, pod) = await StartAsync("slow");
        _cluster.SetPodRunning(Ns, pod);

        _cluster.ExceedJobDeadline(Ns, "slow");

        var result = await run;
        Assert.Equal(TaskRunOutcome.Failed, result.Outcome);
        Assert.StartsWith("The Task ran longer than its deadline", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PodEvicted_SaysSoWithTheKubeletsReason()
    {
        var (run, pod) = await StartAsync("evicted");
        _cluster.SetPodRunning(Ns, pod);

        _cluster.EvictPod(Ns, pod, "The node was low on resource: memory.");

        var result = await run;
        Assert.Equal("The pod was evicted: The node was low on resource: memory.", result.Message);
    }

    [Fact]
    public async Task RunAsync_AgentExitsNonZero_ExitCodeAndWhateverOutputsItPrinted()
    {
        var (run, pod) = await StartAsync("broken");
        _cluster.SetPodRunning(Ns, pod);
        _cluster.SetPodLog(Ns, pod, "kelos-agent", LogWithOutputs("kelos/broken"));

        _cluster.SetPodFailed(Ns, pod, exitCode: 2, container: "kelos-agent");

        var result = await run;
        Assert.Equal("The agent exited with code 2", result.Message);
        Assert.Equal("kelos/broken", result.Results["branch"]);
    }

    [Fact]
    public async Task RunAsync_TaskAlreadyHasItsJob_AdoptsItInsteadOfCreatingAnother()
    {
        var (first, pod) = await StartAsync("adopted");
        _cluster.SetPodRunning(Ns, pod);

        var second = _runtime.RunAsync(Request("adopted"), CancellationToken.None);
        _cluster.SetPodLog(Ns, pod, "kelos-agent", LogWithOutputs("kelos/adopted"));
        _cluster.SetPodSucceeded(Ns, pod);

        Assert.Equal(TaskRunOutcome.Succeeded, (await first).Outcome);
        Assert.Equal("kelos/adopted", (await second).Results["branch"]);
        Assert.Single(_cluster.JobPods(Ns, "adopted"));
        Assert.Single(_cluster.Calls, c => c.Method == "POST" && c.Path.EndsWith("/jobs", StringComparison.Ordinal) && c.StatusCode == 201);
    }

    private async Task<(Task<TaskRunResult> Run, string Pod)> StartAsync(string name, string? workspace = null)
    {
        Create(_cluster, name, workspace: workspace);
        var run = _runtime.RunAsync(Request(name), CancellationToken.None);
        var pod = await Eventually.Get(() => run.IsCompleted ? "ended early: " + run.Result.Message : PodName(name), $"the pod of {name}");
        Assert.False(run.IsCompleted, pod);
        return (run, pod);
    }

    private string? PodName(string job) =>
        _cluster.Get<V1Job>(Ns, job) is not null && _cluster.JobPods(Ns, job) is { Count: > 0 } pods ? pods[^1].Metadata.Name : null;

    private TaskRunRequest Request(string name)
    {
        var task = _store.Find<KelosTask>(name)!;
        var workspace = task.Spec.WorkspaceRef?.Name is { } ws ? _store.Find<Workspace>(ws) : null;
        return new TaskRunRequest(task, task.Spec.Prompt, workspace, null, _store.Find<Secret>);
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncDisposable)_store).DisposeAsync();
        _client.Dispose();
        await _cluster.DisposeAsync();
    }
}
