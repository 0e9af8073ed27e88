using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Kelos.Testing;
using Kelos.Testing.Kubernetes;

namespace Kelos.Cli.Tests.Cluster;

/// <summary>
/// <c>kelos serve --role controller --kubeconfig …</c>, the controller Deployment's process, against the Kubernetes
/// API stand-in: a Task created as <c>kubectl apply</c> creates it becomes a Job, and the Job's end becomes the
/// Task's status — with every call the process made allowed by the controller's RBAC in deploy/.
/// </summary>
public sealed class ControllerRoleTests : IAsyncLifetime, IDisposable
{
    private const string Ns = "kelos";
    private const string User = "system:serviceaccount:kelos:kelos-controller";
    private readonly RoleProcess _controller = new("controller");
    private KubernetesStandIn _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await KubernetesStandIn.StartAsync();
        var kubeconfig = _cluster.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"kelos-kubeconfig-{Guid.NewGuid():N}"), User, Ns);
        await _controller.StartAsync(new Dictionary<string, string?>(), "--kubeconfig", kubeconfig);
    }

    public async Task DisposeAsync()
    {
        _controller.Dispose();
        await _cluster.DisposeAsync();
    }

    public void Dispose() => _controller.Dispose();

    [Fact]
    public async Task TaskAppliedWithKubectl_RunsAsItsJob_SucceedsWithTheOutputsOfTheLog()
    {
        _cluster.CreateObject(TaskJson("fix-readme"));

        var pod = await PodOfAsync("fix-readme");
        await Eventually.True(() => Phase("fix-readme") == "Pending" || Phase("fix-readme") == "Running", "the Task to be taken", _controller);
        _cluster.SetPodRunning(Ns, pod);
        await Eventually.True(() => Phase("fix-readme") == "Running", "the Task to be Running", _controller);
        _cluster.SetPodLog(Ns, pod, "kelos-agent", "reading\n---KELOS_OUTPUTS_START---\nbranch: kelos/fix-readme\ncommit: 0123abcd\ninput-tokens: 1200\noutput-tokens: 340\n"
            + $"response: {Convert.ToBase64String("Fixed the typo."u8.ToArray())}\n---KELOS_OUTPUTS_END---\n");
        _cluster.SetPodSucceeded(Ns, pod);
        await Eventually.True(() => Phase("fix-readme") == "Succeeded", "the Task to be Succeeded", _controller);

        var task = _cluster.GetObject("kelos.dev/v1alpha1", "tasks", Ns, "fix-readme")!;
        var results = task["status"]!["results"]!;
        Assert.Equal(("kelos/fix-readme", "0123abcd"), ((string)results["branch"]!, (string)results["commit"]!));
        Assert.Equal("Fixed the typo.", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)results["response"]!)));
        Assert.Equal(1200, (long)task["status"]!["usage"]!["inputTokens"]!);
        var job = _cluster.Get<V1Job>(Ns, "fix-readme")!;
        var owner = Assert.Single(job.Metadata.OwnerReferences);
        Assert.Equal(("Task", "fix-readme", (string)task["metadata"]!["uid"]!), (owner.Kind, owner.Name, owner.Uid));
        Assert.Equal("fix-readme", job.Metadata.Labels["kelos.dev/task"]);
        Assert.Contains("kelos.dev/cleanup", task["metadata"]!["finalizers"]!.AsArray().Select(f => (string?)f));
        // The Event follows the status write it reports.
        await Eventually.True(
            () => _cluster.List<Corev1Event>(Ns).Any(e => e.InvolvedObject.Name == "fix-readme" && (e.Reason, e.Type, e.InvolvedObject.Kind) == ("Succeeded", "Normal", "Task")),
            "the Succeeded Event of the Task",
            _controller);
        Assert.Contains(_cluster.List<Corev1Event>(Ns), e => e.InvolvedObject.Name == "fix-readme" && e.Reason == "Started");
        Assert.Equal([User], _cluster.Calls.Select(c => c.User).Distinct());
        Assert.False(string.IsNullOrEmpty(_cluster.Get<V1Lease>(Ns, "kelos-controller")?.Spec.HolderIdentity), "the controller holds the Lease kelos-controller");
        AssertWithinRbac();
        Assert.Equal(HttpStatusCode.OK, await _controller.StatusAsync("healthz"));
    }

    [Fact]
    public async Task TaskCancelledWhileRunning_JobDeletedAndTaskCancelled()
    {
        _cluster.CreateObject(TaskJson("long-one"));
        var pod = await PodOfAsync("long-one");
        _cluster.SetPodRunning(Ns, pod);
        await Eventually.True(() => Phase("long-one") == "Running", "the Task to be Running", _controller);

        // What `kelos cancel` and `/kelos cancel` write: the request, in the Task's annotations.
        using (var client = _cluster.CreateClient())
        {
            await client.CustomObjects.PatchNamespacedCustomObjectAsync(
                new V1Patch("""{"metadata":{"annotations":{"kelos.dev/cancel-requested-by":"alice"}}}""", V1Patch.PatchType.MergePatch),
                "kelos.dev", "v1alpha1", Ns, "tasks", "long-one");
        }

        await Eventually.True(() => Phase("long-one") == "Cancelled", "the Task to be Cancelled", _controller);
        await Eventually.True(() => _cluster.Get<V1Job>(Ns, "long-one") is null, "the Job to be deleted", _controller);
        Assert.DoesNotContain(_cluster.List<V1Pod>(Ns), p => p.Metadata.Labels.TryGetValue("job-name", out var job) && job == "long-one");
        Assert.Equal("alice", (string?)_cluster.GetObject("kelos.dev/v1alpha1", "tasks", Ns, "long-one")!["status"]!["cancelledBy"]);
        AssertWithinRbac();
    }

    [Fact]
    public async Task RunningTaskDeletedWithKubectl_FinalizerStopsTheJobThenTheTaskGoes()
    {
        _cluster.CreateObject(TaskJson("dropped"));
        var pod = await PodOfAsync("dropped");
        _cluster.SetPodRunning(Ns, pod);
        await Eventually.True(() => Phase("dropped") == "Running", "the Task to be Running", _controller);

        using (var client = _cluster.CreateClient())
        {
            await client.CustomObjects.DeleteNamespacedCustomObjectAsync("kelos.dev", "v1alpha1", Ns, "tasks", "dropped");
        }

        await Eventually.True(() => _cluster.GetObject("kelos.dev/v1alpha1", "tasks", Ns, "dropped") is null, "the Task to be gone", _controller);
        Assert.Null(_cluster.Get<V1Job>(Ns, "dropped"));
        // The controller stopped the run itself (the finalizer held the Task until then), not the garbage collector.
        Assert.Contains(_cluster.Calls, c => c.User == User && c.Method == "DELETE" && c.Path.EndsWith("/jobs/dropped", StringComparison.Ordinal));
        Assert.Contains(_cluster.Calls, c => c.User == User && c.Method == "PUT" && c.Path.EndsWith("/tasks/dropped", StringComparison.Ordinal) && !c.Body.Contains("kelos.dev/cleanup", StringComparison.Ordinal));
        Assert.DoesNotContain(_cluster.List<V1Pod>(Ns), p => p.Metadata.Labels.TryGetValue("job-name", out var job) && job == "dropped");
        AssertWithinRbac();
    }

    private Task<string> PodOfAsync(string task) => Eventually.Get(
        () => _cluster.Get<V1Job>(Ns, task) is not null && _cluster.JobPods(Ns, task) is { Count: > 0 } pods ? pods[0].Metadata.Name : null,
        $"the Job of Task {task} and its pod",
        _controller);

    private void AssertWithinRbac()
    {
        var rbac = RbacRules.FromFiles([Path.Combine(RepositoryRoot.Find(), "deploy", "base", "rbac", "controller.yaml")], "kelos-controller", "kelos-controller-leader-election");
        var refused = _cluster.Calls.Where(c => c.User == User && !rbac.Allows(c, Ns)).Select(c => RbacRules.Describe(c).ToString()).Distinct().ToList();
        Assert.True(refused.Count == 0, "calls the controller's RBAC would refuse: " + string.Join("; ", refused));
    }

    private string? Phase(string task) => (string?)_cluster.GetObject("kelos.dev/v1alpha1", "tasks", Ns, task)?["status"]?["phase"];

    private static JsonObject TaskJson(string name) => new()
    {
        ["apiVersion"] = "kelos.dev/v1alpha1",
        ["kind"] = "Task",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Ns },
        ["spec"] = new JsonObject
        {
            ["type"] = "claude-code",
            ["prompt"] = "Fix the typo in the README.",
            ["credentials"] = new JsonObject { ["type"] = "api-key", ["secretRef"] = new JsonObject { ["name"] = "anthropic-api-key" } },
        },
    };
}
