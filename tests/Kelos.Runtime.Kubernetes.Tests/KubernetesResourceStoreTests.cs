using Kelos.Core.Resources;
using Kelos.Core.Store;
using Kelos.Runtime.Kubernetes.Store;
using Kelos.Testing.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;
using static Kelos.Runtime.Kubernetes.Tests.ClusterTasks;

namespace Kelos.Runtime.Kubernetes.Tests;

/// <summary>The store over the API server: what each operation sends, and how it rides out 409s, 5xx and 410s.</summary>
public sealed class KubernetesResourceStoreTests : IAsyncLifetime
{
    private const string TaskPath = "/apis/kelos.dev/v1alpha1/namespaces/kelos/tasks";

    private KubernetesStandIn _cluster = null!;
    private k8s.Kubernetes _client = null!;
    private KubernetesResourceStore? _store;

    private KubernetesResourceStore Store => _store ??= new KubernetesResourceStore(_client, Ns, TimeProvider.System, NullLogger<KubernetesResourceStore>.Instance);

    public async Task InitializeAsync()
    {
        _cluster = await KubernetesStandIn.StartAsync();
        _client = _cluster.CreateClient();
    }

    [Fact]
    public void Create_SameNameTwice_SecondIsFalse()
    {
        Assert.True(Store.Create(NewTask("t")));

        Assert.False(Store.Create(NewTask("t")));
        Assert.Equal(["t"], Store.List<KelosTask>().Select(t => t.Name));
        Assert.NotEmpty(Store.Find<KelosTask>("t")!.Metadata.Uid);
    }

    [Fact]
    public void Update_AnnotationAndStatus_SpecByUpdateAndStatusBySubresource()
    {
        Store.Create(NewTask("t"));

        Store.Update<KelosTask>("t", task =>
        {
            task.Metadata.Annotations = new Dictionary<string, string> { [KelosAnnotations.CancelRequestedBy] = "bob" };
            task.Status = new KelosTaskStatus { Phase = TaskPhase.Pending, Message = "Accepted" };
            return true;
        });

        var stored = _cluster.GetObject("kelos.dev/v1alpha1", "tasks", Ns, "t")!;
        Assert.Equal("bob", stored["metadata"]!["annotations"]![KelosAnnotations.CancelRequestedBy]!.GetValue<string>());
        Assert.Equal(TaskPhase.Pending, stored["status"]!["phase"]!.GetValue<string>());
        Assert.Contains(_cluster.Calls, c => c.Method == "PUT" && c.Path == TaskPath + "/t" && c.StatusCode == 200);
        Assert.Contains(_cluster.Calls, c => c.Method == "PUT" && c.Path == TaskPath + "/t/status" && c.StatusCode == 200);
    }

    [Fact]
    public void Update_StatusWriteConflicts_ReadsAgainAndWrites()
    {
        Store.Create(NewTask("t"));
        _cluster.FailNextCalls(1, 409, TaskPath + "/t/status", "PUT");

        var stored = Store.Update<KelosTask>("t", task =>
        {
            task.Status = new KelosTaskStatus { Phase = TaskPhase.Running, Message = "The agent is running" };
            return true;
        });

        Assert.Equal(TaskPhase.Running, stored!.Status!.Phase);
        Assert.Equal(TaskPhase.Running, Phase(_cluster, "t"));
        Assert.Equal([409, 200], _cluster.Calls.Where(c => c.Method == "PUT" && c.Path == TaskPath + "/t/status").Select(c => c.StatusCode));
        Assert.Equal(2, _cluster.Calls.Count(c => c.Method == "GET" && c.Path == TaskPath + "/t"));
    }

    [Fact]
    public void List_ServerErrorsTwice_RetriedAndAnswered()
    {
        Create(_cluster, "t");
        _ = Store.Generation;
        _cluster.FailNextCalls(2, 503, TaskPath, "GET");

        Assert.Equal(["t"], Store.List<KelosTask>().Select(t => t.Name));
    }

    [Fact]
    public void Apply_ChangedTaskSpec_RefusedAndNothingWritten()
    {
        Store.Create(NewTask("t"));
        var workspace = new Workspace { ApiVersion = ResourceKinds.V1Alpha1, Kind = ResourceKinds.Workspace, Metadata = new() { Name = "w" }, Spec = new() { Repo = "https://github.com/a/b.git" } };
        var changed = NewTask("t");
        changed.Spec.Prompt = "something else";

        var refusal = Assert.Throws<ResourceConflictException>(() => Store.Apply([workspace, changed]));

        Assert.Contains("a Task's spec cannot change", refusal.Message, StringComparison.Ordinal);
        Assert.Null(Store.Find<Workspace>("w"));
    }

    [Fact]
    public void Find_Secret_ReadsTheCoreSecret()
    {
        _cluster.Create(new k8s.Models.V1Secret { ApiVersion = "v1", Kind = "Secret", Metadata = new() { Name = "gh", NamespaceProperty = Ns }, StringData = new Dictionary<string, string> { ["GITHUB_TOKEN"] = "t0ken" } });

        Assert.Equal("t0ken", Store.Find<Secret>("gh")!.Get("GITHUB_TOKEN"));
    }

    [Fact]
    public async Task Watch_HistoryCompacted_ListsAgainAndKeepsReportingChanges()
    {
        await Eventually.True(() => Store.Relists == 1 && _cluster.Calls.Any(c => c.IsWatch && c.Path == TaskPath), "the first watch");
        Create(_cluster, "before");
        await Eventually.True(() => Store.Generation >= 2, "the change to be seen");

        // The connection drops and the watch cannot come back (503s) while a change happens and the server
        // forgets its history: the watch's resourceVersion is then too old (410 Gone).
        _cluster.FailNextCalls(int.MaxValue, 503, TaskPath, "GET");
        _cluster.CloseWatches();
        await Eventually.True(() => _cluster.Calls.Any(c => c.IsWatch && c.StatusCode == 503), "the watch to be refused");
        Create(_cluster, "missed");
        _cluster.CompactHistory();
        _cluster.FailNextCalls(0);

        await Eventually.True(() => Store.Relists == 2, "a list after 410 Gone");
        Assert.Contains(_cluster.Calls, c => c.IsWatch && c.Query.Contains("resourceVersion=1001", StringComparison.Ordinal) && c.StatusCode == 200);
        var seen = Store.Generation;
        var waiting = Store.WaitForChangeAsync(seen, TimeSpan.FromMinutes(5), CancellationToken.None);
        Create(_cluster, "after");
        await waiting.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(Store.Generation > seen);
    }

    private static KelosTask NewTask(string name) => new()
    {
        ApiVersion = ResourceKinds.V1Alpha1,
        Kind = ResourceKinds.Task,
        Metadata = new() { Name = name },
        Spec = new TaskSpec { Type = AgentTypes.ClaudeCode, Prompt = "do it", Credentials = new Credentials { Type = "none" } },
    };

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _client.Dispose();
        await _cluster.DisposeAsync();
    }
}
