using System.Text.Json;
using k8s;
using k8s.Models;
using Kelos.Testing.Kubernetes;
using static Kelos.Testing.Tests.Kubernetes.KubeObjects;

namespace Kelos.Testing.Tests.Kubernetes;

/// <summary>Watches through the real client: order, resuming, 410 after compaction, selectors, bookmarks, endings.</summary>
public sealed class KubernetesWatchTests
{
    [Fact]
    public async Task Watch_FromListVersion_SeesAddedModifiedDeletedInOrder()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var listed = await client.CoreV1.ListNamespacedSecretAsync(Namespace);
        var watch = Watches.CollectAsync<V1Secret>(
            (onError, cancel) => client.CoreV1.WatchListNamespacedSecretAsync(Namespace, resourceVersion: listed.Metadata.ResourceVersion, onError: onError, cancellationToken: cancel),
            count: 3);

        var created = await client.CoreV1.CreateNamespacedSecretAsync(Secret("token", "ghs_one"), Namespace);
        created.StringData = new Dictionary<string, string> { ["GITHUB_TOKEN"] = "ghs_two" };
        var replaced = await client.CoreV1.ReplaceNamespacedSecretAsync(created, "token", Namespace);
        await client.CoreV1.DeleteNamespacedSecretAsync("token", Namespace);
        var (events, errors) = await watch;

        Assert.Empty(errors);
        Assert.Equal([WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted], events.Select(e => e.Type));
        Assert.Equal(created.Metadata.ResourceVersion, events[0].Object.Metadata.ResourceVersion);
        Assert.Equal(replaced.Metadata.ResourceVersion, events[1].Object.Metadata.ResourceVersion);
        Assert.Equal("ghs_two", Decode(events[1].Object.Data["GITHUB_TOKEN"]));
        Assert.Equal(k8s.ResourceVersion, events[2].Object.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Watch_ResumedFromLastSeenVersion_GetsWhatHappenedInBetween()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var listed = await client.CoreV1.ListNamespacedSecretAsync(Namespace);
        var first = Watches.CollectAsync<V1Secret>(
            (onError, cancel) => client.CoreV1.WatchListNamespacedSecretAsync(Namespace, resourceVersion: listed.Metadata.ResourceVersion, onError: onError, cancellationToken: cancel),
            count: 1);
        await client.CoreV1.CreateNamespacedSecretAsync(Secret("a", "1"), Namespace);
        var lastSeen = (await first).Events.Single().Object.Metadata.ResourceVersion;

        // While nobody watches: a changes, b arrives.
        await client.CoreV1.PatchNamespacedSecretAsync(new V1Patch("""{"metadata":{"labels":{"x":"y"}}}""", V1Patch.PatchType.MergePatch), "a", Namespace);
        await client.CoreV1.CreateNamespacedSecretAsync(Secret("b", "2"), Namespace);
        var (events, errors) = await Watches.CollectAsync<V1Secret>(
            (onError, cancel) => client.CoreV1.WatchListNamespacedSecretAsync(Namespace, resourceVersion: lastSeen, onError: onError, cancellationToken: cancel),
            count: 2);

        Assert.Empty(errors);
        Assert.Equal([(WatchEventType.Modified, "a"), (WatchEventType.Added, "b")], events.Select(e => (e.Type, e.Object.Metadata.Name)));
    }

    [Fact]
    public async Task Watch_WithoutResourceVersion_StartsWithAddedForWhatExists()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        await client.CoreV1.CreateNamespacedSecretAsync(Secret("a", "1"), Namespace);
        await client.CoreV1.CreateNamespacedSecretAsync(Secret("b", "2"), Namespace);

        var (events, _) = await Watches.CollectAsync<V1Secret>(
            (onError, cancel) => client.CoreV1.WatchListNamespacedSecretAsync(Namespace, onError: onError, cancellationToken: cancel),
            count: 2);

        Assert.Equal([(WatchEventType.Added, "a"), (WatchEventType.Added, "b")], events.Select(e => (e.Type, e.Object.Metadata.Name)));
    }

    [Fact]
    public async Task Watch_FromVersionBeforeCompaction_Gets410ExpiredThenRelistWorks()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var old = (await client.CoreV1.ListNamespacedSecretAsync(Namespace)).Metadata.ResourceVersion;
        await client.CoreV1.CreateNamespacedSecretAsync(Secret("a", "1"), Namespace);
        k8s.CompactHistory();

        var (events, errors) = await Watches.CollectAsync<V1Secret>(
            (onError, cancel) => client.CoreV1.WatchListNamespacedSecretAsync(Namespace, resourceVersion: old, onError: onError, cancellationToken: cancel));
        var relisted = await client.CoreV1.ListNamespacedSecretAsync(Namespace);
        var resumed = Watches.CollectAsync<V1Secret>(
            (onError, cancel) => client.CoreV1.WatchListNamespacedSecretAsync(Namespace, resourceVersion: relisted.Metadata.ResourceVersion, onError: onError, cancellationToken: cancel),
            count: 1);
        await client.CoreV1.CreateNamespacedSecretAsync(Secret("b", "2"), Namespace);

        Assert.Empty(events);
        var gone = Assert.IsType<KubernetesException>(Assert.Single(errors));
        Assert.Equal(410, gone.Status.Code);
        Assert.Equal("Expired", gone.Status.Reason);
        Assert.Equal(["a"], relisted.Items.Select(s => s.Metadata.Name));
        Assert.Equal("b", (await resumed).Events.Single().Object.Metadata.Name);
    }

    [Fact]
    public async Task Watch_OlderThanHistoryLimit_Gets410()
    {
        await using var k8s = await KubernetesStandIn.StartAsync(new KubernetesStandInOptions { HistoryLimit = 2 });
        using var client = k8s.CreateClient();
        var start = k8s.ResourceVersion;
        foreach (var name in new[] { "a", "b", "c" })
        {
            await client.CoreV1.CreateNamespacedSecretAsync(Secret(name, "x"), Namespace);
        }

        var (_, tooOld) = await Watches.CollectAsync<V1Secret>(
            (onError, cancel) => client.CoreV1.WatchListNamespacedSecretAsync(Namespace, resourceVersion: start, onError: onError, cancellationToken: cancel));
        var afterA = k8s.Get<V1Secret>(Namespace, "a")!.Metadata.ResourceVersion;
        var (kept, _) = await Watches.CollectAsync<V1Secret>(
            (onError, cancel) => client.CoreV1.WatchListNamespacedSecretAsync(Namespace, resourceVersion: afterA, onError: onError, cancellationToken: cancel),
            count: 2);

        Assert.Equal(410, Assert.IsType<KubernetesException>(Assert.Single(tooOld)).Status.Code);
        Assert.Equal(["b", "c"], kept.Select(e => e.Object.Metadata.Name));
    }

    [Fact]
    public async Task Watch_LabelSelector_ObjectLeavingItArrivesAsDeleted()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var start = k8s.ResourceVersion;
        var watch = Watches.CollectAsync<V1ConfigMap>(
            (onError, cancel) => client.CoreV1.WatchListNamespacedConfigMapAsync(Namespace, resourceVersion: start, labelSelector: "kelos.dev/managed=true", onError: onError, cancellationToken: cancel),
            count: 3);

        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "other" } }, Namespace);
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "m" } }, Namespace);
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"labels":{"kelos.dev/managed":"true"}}}""", V1Patch.PatchType.MergePatch), "m", Namespace);
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"k":"v"}}""", V1Patch.PatchType.MergePatch), "m", Namespace);
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"labels":{"kelos.dev/managed":null}}}""", V1Patch.PatchType.MergePatch), "m", Namespace);
        var (events, _) = await watch;

        Assert.Equal([WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal("m", e.Object.Metadata.Name));
    }

    [Fact]
    public async Task Watch_CustomResourceAcrossNamespaces_SeesEveryNamespace()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var start = k8s.ResourceVersion;
        var watch = Watches.CollectAsync<object>(
            (onError, cancel) => client.CustomObjects.WatchListClusterCustomObjectAsync("kelos.dev", "v1alpha1", "tasks", resourceVersion: start, onError: onError, cancellationToken: cancel),
            count: 2);

        var other = KelosTask("t2");
        other.Metadata.NamespaceProperty = "team-b";
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(KelosTask("t1"), "kelos.dev", "v1alpha1", Namespace, "tasks");
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(other, "kelos.dev", "v1alpha1", "team-b", "tasks");
        var events = (await watch).Events.Select(e => (e.Type, Object: KubernetesJson.Deserialize<TaskResource>(((JsonElement)e.Object).GetRawText()))).ToList();

        Assert.Equal([(Namespace, "t1"), ("team-b", "t2")], events.Select(e => (e.Object.Metadata.NamespaceProperty, e.Object.Metadata.Name)));
        Assert.Equal("Fix the bug", events[0].Object.Spec!.Prompt);
    }

    [Fact]
    public async Task Watch_TimeoutSeconds_EndsAfterABookmark()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        await client.CoreV1.CreateNamespacedSecretAsync(Secret("a", "1"), Namespace);
        var now = k8s.ResourceVersion;

        var (events, errors) = await Watches.CollectAsync<V1Secret>(
            (onError, cancel) => client.CoreV1.WatchListNamespacedSecretAsync(Namespace, resourceVersion: now, allowWatchBookmarks: true, timeoutSeconds: 1, onError: onError, cancellationToken: cancel));

        Assert.Empty(errors);
        var bookmark = Assert.Single(events);
        Assert.Equal(WatchEventType.Bookmark, bookmark.Type);
        Assert.Equal(now, bookmark.Object.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task SendBookmarks_ReachesWatchesThatAllowThem()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var start = k8s.ResourceVersion;
        var watch = Watches.CollectAsync<V1Secret>(
            (onError, cancel) => client.CoreV1.WatchListNamespacedSecretAsync(Namespace, resourceVersion: start, allowWatchBookmarks: true, onError: onError, cancellationToken: cancel),
            count: 2);

        var created = await client.CoreV1.CreateNamespacedSecretAsync(Secret("a", "1"), Namespace);
        await WaitForOpenWatchAsync(k8s);
        k8s.SendBookmarks();
        var (events, _) = await watch;

        Assert.Equal([WatchEventType.Added, WatchEventType.Bookmark], events.Select(e => e.Type));
        Assert.Equal(created.Metadata.ResourceVersion, events[1].Object.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task CloseWatches_EndsTheStream()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var start = k8s.ResourceVersion;
        var watch = Watches.CollectAsync<V1Secret>(
            (onError, cancel) => client.CoreV1.WatchListNamespacedSecretAsync(Namespace, resourceVersion: start, onError: onError, cancellationToken: cancel));

        await client.CoreV1.CreateNamespacedSecretAsync(Secret("a", "1"), Namespace);
        await WaitForOpenWatchAsync(k8s);
        k8s.CloseWatches();
        var (events, errors) = await watch;

        Assert.Empty(errors);
        Assert.Equal(WatchEventType.Added, Assert.Single(events).Type);
    }

    [Fact]
    public async Task Watch_Line_IsTheApiServersJson()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var http = new HttpClient { BaseAddress = k8s.BaseUrl };
        using var client = k8s.CreateClient();
        await client.CoreV1.CreateNamespacedSecretAsync(Secret("a", "1"), Namespace);

        using var stream = await http.GetStreamAsync(new Uri($"api/v1/namespaces/{Namespace}/secrets?watch=true&timeoutSeconds=1", UriKind.Relative));
        using var reader = new StreamReader(stream);
        var line = JsonDocument.Parse((await reader.ReadLineAsync())!).RootElement;

        Assert.Equal("ADDED", line.GetProperty("type").GetString());
        Assert.Equal("Secret", line.GetProperty("object").GetProperty("kind").GetString());
        Assert.Equal("v1", line.GetProperty("object").GetProperty("apiVersion").GetString());
    }

    /// <summary>A watch is open once the stand-in has recorded it (calls are recorded when the answer starts).</summary>
    private static async Task WaitForOpenWatchAsync(KubernetesStandIn k8s)
    {
        using var patience = new CancellationTokenSource(Watches.Patience);
        while (!k8s.Calls.Any(c => c.IsWatch))
        {
            await Task.Delay(10, patience.Token);
        }
    }
}
