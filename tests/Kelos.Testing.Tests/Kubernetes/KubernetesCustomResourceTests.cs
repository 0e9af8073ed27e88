using System.Net;
using System.Text.Json;
using k8s;
using k8s.Models;
using Kelos.Testing.Kubernetes;
using static Kelos.Testing.Tests.Kubernetes.KubeObjects;

namespace Kelos.Testing.Tests.Kubernetes;

/// <summary>kelos.dev custom resources: the status subresource, generation, finalizers and garbage collection.</summary>
public sealed class KubernetesCustomResourceTests
{
    private const string Group = "kelos.dev";
    private const string Version = "v1alpha1";
    private const string Tasks = "tasks";

    [Fact]
    public async Task Task_CreateWithStatus_DropsStatus()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var task = KelosTask("t1");
        task.Status = new TaskResourceStatus { Phase = "Succeeded" };

        var created = Typed(await client.CustomObjects.CreateNamespacedCustomObjectAsync(task, Group, Version, Namespace, Tasks));

        Assert.Null(created.Status);
        Assert.Equal(1, created.Metadata.Generation);
        Assert.Equal("kelos.dev/v1alpha1", created.ApiVersion);
    }

    [Fact]
    public async Task Task_StatusSubresource_ChangesOnlyStatus_AndMainUpdateIgnoresStatus()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var created = Typed(await client.CustomObjects.CreateNamespacedCustomObjectAsync(KelosTask("t1"), Group, Version, Namespace, Tasks));

        created.Status = new TaskResourceStatus { Phase = "Running" };
        created.Spec!.Prompt = "sneaked into a status update";
        var afterStatus = Typed(await client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(created, Group, Version, Namespace, Tasks, "t1"));
        var update = Typed(await client.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, Namespace, Tasks, "t1"));
        update.Status = new TaskResourceStatus { Phase = "Succeeded" };
        update.Spec!.Prompt = "Fix the other bug";
        var afterUpdate = Typed(await client.CustomObjects.ReplaceNamespacedCustomObjectAsync(update, Group, Version, Namespace, Tasks, "t1"));

        Assert.Equal("Running", afterStatus.Status!.Phase);
        Assert.Equal("Fix the bug", afterStatus.Spec!.Prompt);
        Assert.Equal(1, afterStatus.Metadata.Generation);
        Assert.Equal("Running", afterUpdate.Status!.Phase);
        Assert.Equal("Fix the other bug", afterUpdate.Spec!.Prompt);
        Assert.Equal(2, afterUpdate.Metadata.Generation);
    }

    [Fact]
    public async Task Task_PatchStatus_WithStaleResourceVersion_Answers409()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var created = Typed(await client.CustomObjects.CreateNamespacedCustomObjectAsync(KelosTask("t1"), Group, Version, Namespace, Tasks));
        await client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"metadata":{"labels":{"kelos.dev/seen":"yes"}}}""", V1Patch.PatchType.MergePatch), Group, Version, Namespace, Tasks, "t1");

        var stale = $$$"""{"metadata":{"resourceVersion":"{{{created.Metadata.ResourceVersion}}}"},"status":{"phase":"Running"}}""";
        var (code, status) = await ApiErrors.RefusedAsync(() => client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(stale, V1Patch.PatchType.MergePatch), Group, Version, Namespace, Tasks, "t1"));
        var fresh = Typed(await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("""{"status":{"phase":"Running"}}""", V1Patch.PatchType.MergePatch), Group, Version, Namespace, Tasks, "t1"));

        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("Conflict", status.Reason);
        Assert.Equal("Running", fresh.Status!.Phase);
    }

    [Fact]
    public async Task Task_WithFinalizer_StaysDeletingUntilTheFinalizerIsRemoved()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var task = KelosTask("t1");
        task.Metadata.Finalizers = ["kelos.dev/cleanup"];
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(task, Group, Version, Namespace, Tasks);

        var deleting = Typed(await client.CustomObjects.DeleteNamespacedCustomObjectAsync(Group, Version, Namespace, Tasks, "t1"));
        var stillThere = Typed(await client.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, Namespace, Tasks, "t1"));
        var deletionTimestamp = stillThere.Metadata.DeletionTimestamp;
        stillThere.Metadata.Finalizers = [];
        await client.CustomObjects.ReplaceNamespacedCustomObjectAsync(stillThere, Group, Version, Namespace, Tasks, "t1");
        var (code, _) = await ApiErrors.RefusedAsync(() => client.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, Namespace, Tasks, "t1"));

        Assert.NotNull(deleting.Metadata.DeletionTimestamp);
        Assert.Equal(["kelos.dev/cleanup"], deleting.Metadata.Finalizers);
        Assert.Equal(deleting.Metadata.DeletionTimestamp, deletionTimestamp);
        Assert.Equal(HttpStatusCode.NotFound, code);
    }

    [Fact]
    public async Task Task_BeingDeleted_RefusesNewFinalizers()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var task = KelosTask("t1");
        task.Metadata.Finalizers = ["kelos.dev/cleanup"];
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(task, Group, Version, Namespace, Tasks);
        var deleting = Typed(await client.CustomObjects.DeleteNamespacedCustomObjectAsync(Group, Version, Namespace, Tasks, "t1"));
        deleting.Metadata.Finalizers.Add("kelos.dev/other");

        var (code, status) = await ApiErrors.RefusedAsync(() => client.CustomObjects.ReplaceNamespacedCustomObjectAsync(deleting, Group, Version, Namespace, Tasks, "t1"));

        Assert.Equal((HttpStatusCode)422, code);
        Assert.Contains("no new finalizers", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingTheOwner_CollectsOwnedJobAndItsPods()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var task = Typed(await client.CustomObjects.CreateNamespacedCustomObjectAsync(KelosTask("t1"), Group, Version, Namespace, Tasks));
        var job = Job("t1");
        job.Metadata.OwnerReferences = [new V1OwnerReference { ApiVersion = "kelos.dev/v1alpha1", Kind = "Task", Name = "t1", Uid = task.Metadata.Uid, BlockOwnerDeletion = true, Controller = true }];
        await client.BatchV1.CreateNamespacedJobAsync(job, Namespace);
        var pod = Assert.Single(k8s.JobPods(Namespace, "t1"));

        await client.CustomObjects.DeleteNamespacedCustomObjectAsync(Group, Version, Namespace, Tasks, "t1");

        Assert.Null(k8s.Get<V1Job>(Namespace, "t1"));
        Assert.Null(k8s.Get<V1Pod>(Namespace, pod.Metadata.Name));
    }

    [Fact]
    public async Task GenericClient_ReadsAndListsTasks()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        k8s.CreateObject(JsonSerializer.SerializeToNode(KelosTask("t1"))!.AsObject());
        using var tasks = new GenericClient(client, Group, Version, Tasks, disposeClient: false);

        var read = await tasks.ReadNamespacedAsync<TaskResource>(Namespace, "t1");
        var list = await tasks.ListNamespacedAsync<TaskResourceList>(Namespace);

        Assert.Equal("Fix the bug", read.Spec!.Prompt);
        Assert.Equal(["t1"], list.Items.Select(t => t.Metadata.Name));
    }

    private static TaskResource Typed(object body) => KubernetesJson.Deserialize<TaskResource>(((JsonElement)body).GetRawText());
}
