using System.Text;
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

/// <summary>The per-Task Secret the runtime creates beside the Job: the token is in it, and nowhere else.</summary>
public sealed class TaskSecretTests : IAsyncLifetime
{
    private KubernetesStandIn _cluster = null!;
    private k8s.Kubernetes _client = null!;
    private IResourceStore _store = null!;

    public async Task InitializeAsync()
    {
        _cluster = await KubernetesStandIn.StartAsync();
        _client = _cluster.CreateClient();
        _store = new KubernetesResourceStore(_client, Ns, TimeProvider.System, NullLogger<KubernetesResourceStore>.Instance);
    }

    [Fact]
    public async Task RunAsync_WorkspaceWithTokenSecret_TaskSecretHoldsTheTokenAndTheJobDoesNot()
    {
        _cluster.Create(new V1Secret { ApiVersion = "v1", Kind = "Secret", Metadata = new() { Name = "gh", NamespaceProperty = Ns }, StringData = new Dictionary<string, string> { ["GITHUB_TOKEN"] = "ghs_secretvalue" } });
        _cluster.CreateObject(System.Text.Json.Nodes.JsonNode.Parse("""
            {"apiVersion":"kelos.dev/v1alpha1","kind":"Workspace","metadata":{"name":"app","namespace":"kelos"},
             "spec":{"repo":"https://github.com/example/app.git","ref":"main","secretRef":{"name":"gh"}}}
            """)!.AsObject());
        Create(_cluster, "with-token", workspace: "app");
        var task = _store.Find<KelosTask>("with-token")!;
        var runtime = new KubernetesTaskRuntime(_client, Ns, new AgentImages(), TimeProvider.System, NullLogger<KubernetesTaskRuntime>.Instance);
        using var stop = new CancellationTokenSource();

        var run = runtime.RunAsync(new TaskRunRequest(task, task.Spec.Prompt, _store.Find<Workspace>("app"), null, _store.Find<Secret>), stop.Token);
        await Eventually.True(() => _cluster.Get<V1Job>(Ns, "with-token") is not null, "the Job");

        var secret = _cluster.Get<V1Secret>(Ns, "with-token-github-token")!;
        Assert.Equal("ghs_secretvalue", Encoding.UTF8.GetString(secret.Data["token"]));
        Assert.Equal(task.Metadata.Uid, secret.Metadata.OwnerReferences.Single().Uid);
        Assert.DoesNotContain("ghs_secretvalue", k8s.KubernetesJson.Serialize(_cluster.Get<V1Job>(Ns, "with-token")), StringComparison.Ordinal);
        await stop.CancelAsync();
        Assert.Equal(TaskRunOutcome.Cancelled, (await run).Outcome);
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncDisposable)_store).DisposeAsync();
        _client.Dispose();
        await _cluster.DisposeAsync();
    }
}
