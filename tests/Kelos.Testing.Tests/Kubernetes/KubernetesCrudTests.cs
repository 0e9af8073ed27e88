using System.Net;
using k8s;
using k8s.Models;
using Kelos.Testing.Kubernetes;
using static Kelos.Testing.Tests.Kubernetes.KubeObjects;

namespace Kelos.Testing.Tests.Kubernetes;

/// <summary>Create, read, replace, patch and delete through the real KubernetesClient, and the server's refusals.</summary>
public sealed class KubernetesCrudTests
{
    [Fact]
    public async Task Job_CreateReadReplaceDelete_BehavesAsTheApiServer()
    {
        await using var k8s = await KubernetesStandIn.StartAsync(new KubernetesStandInOptions { RunJobController = false });
        using var client = k8s.CreateClient();

        var created = await client.BatchV1.CreateNamespacedJobAsync(Job("task-1"), Namespace);
        var read = await client.BatchV1.ReadNamespacedJobAsync("task-1", Namespace);
        read.Metadata.Labels["kelos.dev/phase"] = "running";
        read.Spec.BackoffLimit = 2;
        var replaced = await client.BatchV1.ReplaceNamespacedJobAsync(read, "task-1", Namespace);
        var status = await client.BatchV1.DeleteNamespacedJobAsync("task-1", Namespace, propagationPolicy: "Background");

        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.Equal(1, created.Metadata.Generation);
        Assert.Equal(created.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
        Assert.True(long.Parse(replaced.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(created.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, replaced.Metadata.Generation);
        Assert.Equal("running", replaced.Metadata.Labels["kelos.dev/phase"]);
        Assert.Equal(created.Metadata.Uid, replaced.Metadata.Uid);
        Assert.Equal("Success", status.Status);
        Assert.Null(k8s.Get<V1Job>(Namespace, "task-1"));
    }

    [Fact]
    public async Task Job_Create_DefaultsSelectorAndTemplateLabels()
    {
        await using var k8s = await KubernetesStandIn.StartAsync(new KubernetesStandInOptions { RunJobController = false });
        using var client = k8s.CreateClient();

        var job = await client.BatchV1.CreateNamespacedJobAsync(Job("task-1"), Namespace);

        Assert.Equal(job.Metadata.Uid, job.Spec.Selector.MatchLabels["batch.kubernetes.io/controller-uid"]);
        Assert.Equal("task-1", job.Spec.Template.Metadata.Labels["job-name"]);
        Assert.Equal("task-1", job.Spec.Template.Metadata.Labels["batch.kubernetes.io/job-name"]);
        Assert.Equal(1, job.Spec.Completions);
    }

    [Fact]
    public async Task Job_ReplaceTemplate_Answers422FieldIsImmutable()
    {
        await using var k8s = await KubernetesStandIn.StartAsync(new KubernetesStandInOptions { RunJobController = false });
        using var client = k8s.CreateClient();
        var job = await client.BatchV1.CreateNamespacedJobAsync(Job("task-1"), Namespace);
        job.Spec.Template.Spec.Containers[0].Image = "other:latest";

        var (code, status) = await ApiErrors.RefusedAsync(() => client.BatchV1.ReplaceNamespacedJobAsync(job, "task-1", Namespace));

        Assert.Equal((HttpStatusCode)422, code);
        Assert.Equal("Invalid", status.Reason);
        Assert.Contains("spec.template", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_RestartPolicyAlways_Answers422()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var job = Job("task-1");
        job.Spec.Template.Spec.RestartPolicy = "Always";

        var (code, status) = await ApiErrors.RefusedAsync(() => client.BatchV1.CreateNamespacedJobAsync(job, Namespace));

        Assert.Equal((HttpStatusCode)422, code);
        Assert.Equal("spec.template.spec.restartPolicy", Assert.Single(status.Details.Causes).Field);
    }

    [Fact]
    public async Task Create_ExistingName_Answers409AlreadyExists()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        await client.CoreV1.CreateNamespacedSecretAsync(Secret("task-1-token", "ghs_one"), Namespace);

        var (code, status) = await ApiErrors.RefusedAsync(() => client.CoreV1.CreateNamespacedSecretAsync(Secret("task-1-token", "ghs_two"), Namespace));

        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("AlreadyExists", status.Reason);
        Assert.Equal("secrets \"task-1-token\" already exists", status.Message);
        Assert.Equal("task-1-token", status.Details.Name);
        Assert.Equal("ghs_one", Decode(k8s.Get<V1Secret>(Namespace, "task-1-token")!.Data["GITHUB_TOKEN"]));
    }

    [Fact]
    public async Task Replace_StaleResourceVersion_Answers409Conflict()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        await client.CoreV1.CreateNamespacedSecretAsync(Secret("token", "ghs_one"), Namespace);
        var first = await client.CoreV1.ReadNamespacedSecretAsync("token", Namespace);
        var second = await client.CoreV1.ReadNamespacedSecretAsync("token", Namespace);
        first.StringData = new Dictionary<string, string> { ["GITHUB_TOKEN"] = "ghs_refreshed" };
        await client.CoreV1.ReplaceNamespacedSecretAsync(first, "token", Namespace);
        second.StringData = new Dictionary<string, string> { ["GITHUB_TOKEN"] = "ghs_stale" };

        var (code, status) = await ApiErrors.RefusedAsync(() => client.CoreV1.ReplaceNamespacedSecretAsync(second, "token", Namespace));

        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("Conflict", status.Reason);
        Assert.Contains("the object has been modified", status.Message, StringComparison.Ordinal);
        Assert.Equal("ghs_refreshed", Decode(k8s.Get<V1Secret>(Namespace, "token")!.Data["GITHUB_TOKEN"]));
    }

    [Fact]
    public async Task Secret_StringData_IsStoredAsBase64Data()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();

        var created = await client.CoreV1.CreateNamespacedSecretAsync(Secret("token", "ghs_abc"), Namespace);

        Assert.Null(created.StringData);
        Assert.Equal("ghs_abc", Decode(created.Data["GITHUB_TOKEN"]));
        Assert.Equal("Opaque", created.Type);
    }

    [Fact]
    public async Task Read_Missing_Answers404NotFoundStatus()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();

        var (code, status) = await ApiErrors.RefusedAsync(() => client.BatchV1.ReadNamespacedJobAsync("nope", Namespace));

        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.Equal("Status", status.Kind);
        Assert.Equal("Failure", status.Status);
        Assert.Equal("NotFound", status.Reason);
        Assert.Equal("jobs.batch \"nope\" not found", status.Message);
        Assert.Equal(404, status.Code);
    }

    [Fact]
    public async Task UnknownPath_Answers404()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var http = new HttpClient { BaseAddress = k8s.BaseUrl };

        using var response = await http.GetAsync(new Uri("apis/apps/v1/namespaces/kelos/daemonsets", UriKind.Relative));
        var status = KubernetesJson.Deserialize<V1Status>(await response.Content.ReadAsStringAsync());
        using var namespacedCrd = await http.GetAsync(new Uri("apis/apiextensions.k8s.io/v1/namespaces/kelos/customresourcedefinitions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFound", status.Reason);
        Assert.Equal(HttpStatusCode.NotFound, namespacedCrd.StatusCode);
    }

    [Fact]
    public async Task ClusterScoped_CrdAndNamespace_CreatedWithoutNamespaceAndEstablished()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();

        var crd = await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(new V1CustomResourceDefinition
        {
            Metadata = new() { Name = "tasks.kelos.dev", NamespaceProperty = "ignored" },
            Spec = new()
            {
                Group = "kelos.dev",
                Scope = "Namespaced",
                Names = new() { Plural = "tasks", Kind = "Task" },
                Versions = [new() { Name = "v1alpha1", Served = true, Storage = true }],
            },
        });
        var ns = await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new() { Name = "team" } });

        Assert.Null(crd.Metadata.NamespaceProperty);
        Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        Assert.Equal(["v1alpha1"], crd.Status.StoredVersions);
        Assert.Equal("Active", ns.Status.Phase);
        Assert.Equal("tasks.kelos.dev", Assert.Single((await client.ApiextensionsV1.ListCustomResourceDefinitionAsync()).Items).Metadata.Name);
    }

    [Fact]
    public async Task Create_BadName_Answers422Invalid()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();

        var (code, status) = await ApiErrors.RefusedAsync(() => client.CoreV1.CreateNamespacedSecretAsync(Secret("Task_1", "x"), Namespace));

        Assert.Equal((HttpStatusCode)422, code);
        Assert.Equal("Invalid", status.Reason);
        Assert.Equal("metadata.name", Assert.Single(status.Details.Causes).Field);
    }

    [Fact]
    public async Task Patch_MergeJsonAndStrategic_ChangeWhatTheySay()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        await client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "templates" }, Data = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" } },
            Namespace);

        await client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"data":{"a":null,"c":"3"}}""", V1Patch.PatchType.MergePatch), "templates", Namespace);
        await client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""[{"op":"replace","path":"/data/b","value":"20"}]""", V1Patch.PatchType.JsonPatch), "templates", Namespace);
        var patched = await client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"metadata":{"labels":{"kelos.dev/role":"templates"}}}""", V1Patch.PatchType.StrategicMergePatch), "templates", Namespace);

        Assert.Equal(new Dictionary<string, string> { ["b"] = "20", ["c"] = "3" }, patched.Data);
        Assert.Equal("templates", patched.Metadata.Labels["kelos.dev/role"]);
        Assert.Equal(
            ["application/merge-patch+json", "application/json-patch+json", "application/strategic-merge-patch+json"],
            k8s.Calls.Where(c => c.Method == "PATCH").Select(c => c.ContentType.Split(';')[0]));
    }

    [Fact]
    public async Task Patch_FailingJsonPatchTest_Answers422AndChangesNothing()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        await client.CoreV1.CreateNamespacedSecretAsync(Secret("token", "ghs_one"), Namespace);

        var (code, _) = await ApiErrors.RefusedAsync(() => client.CoreV1.PatchNamespacedSecretAsync(
            new V1Patch("""[{"op":"test","path":"/metadata/resourceVersion","value":"1"},{"op":"remove","path":"/data"}]""", V1Patch.PatchType.JsonPatch),
            "token",
            Namespace));

        Assert.Equal((HttpStatusCode)422, code);
        Assert.NotNull(k8s.Get<V1Secret>(Namespace, "token")!.Data);
    }

    [Fact]
    public async Task ServerSideApply_CreatesThenUpdates()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var body = new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = "settings" }, Data = new Dictionary<string, string> { ["x"] = "1" } };

        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(body, V1Patch.PatchType.ApplyPatch), "settings", Namespace, fieldManager: "kelos");
        body.Data["x"] = "2";
        var applied = await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(body, V1Patch.PatchType.ApplyPatch), "settings", Namespace, fieldManager: "kelos");

        Assert.Equal("2", applied.Data["x"]);
        Assert.Equal([201, 200], k8s.Calls.Where(c => c.Method == "PATCH").Select(c => c.StatusCode));
    }

    [Fact]
    public async Task Replace_NothingChanged_KeepsResourceVersion()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var created = await client.CoreV1.CreateNamespacedSecretAsync(Secret("token", "ghs_one"), Namespace);

        var replaced = await client.CoreV1.ReplaceNamespacedSecretAsync(created, "token", Namespace);

        Assert.Equal(created.Metadata.ResourceVersion, replaced.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task List_LabelAndFieldSelectors_Filter()
    {
        await using var k8s = await KubernetesStandIn.StartAsync(new KubernetesStandInOptions { RunJobController = false });
        using var client = k8s.CreateClient();
        await client.BatchV1.CreateNamespacedJobAsync(Job("a", labels: new Dictionary<string, string> { ["kelos.dev/task"] = "a", ["kelos.dev/agent"] = "codex" }), Namespace);
        await client.BatchV1.CreateNamespacedJobAsync(Job("b", labels: new Dictionary<string, string> { ["kelos.dev/task"] = "b", ["kelos.dev/agent"] = "claude-code" }), Namespace);
        await client.BatchV1.CreateNamespacedJobAsync(Job("c", labels: new Dictionary<string, string> { ["kelos.dev/task"] = "c" }), Namespace);

        static async Task<string[]> Names(k8s.Kubernetes client, string? labels = null, string? fields = null) =>
            [.. (await client.BatchV1.ListNamespacedJobAsync(Namespace, labelSelector: labels, fieldSelector: fields)).Items.Select(j => j.Metadata.Name)];

        Assert.Equal(["a", "b", "c"], await Names(client));
        Assert.Equal(["a"], await Names(client, "kelos.dev/agent=codex"));
        Assert.Equal(["b", "c"], await Names(client, "kelos.dev/agent!=codex"));
        Assert.Equal(["a", "b"], await Names(client, "kelos.dev/agent in (codex, claude-code)"));
        Assert.Equal(["c"], await Names(client, "!kelos.dev/agent"));
        Assert.Equal(["a", "b"], await Names(client, "kelos.dev/agent,kelos.dev/task notin (c)"));
        Assert.Equal(["b"], await Names(client, fields: "metadata.name=b"));
    }

    [Fact]
    public async Task List_Limit_PagesWithContinue()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        foreach (var name in new[] { "s1", "s2", "s3" })
        {
            await client.CoreV1.CreateNamespacedSecretAsync(Secret(name, "x"), Namespace);
        }

        var first = await client.CoreV1.ListNamespacedSecretAsync(Namespace, limit: 2);
        var second = await client.CoreV1.ListNamespacedSecretAsync(Namespace, limit: 2, continueParameter: first.Metadata.ContinueProperty);

        Assert.Equal(["s1", "s2"], first.Items.Select(s => s.Metadata.Name));
        Assert.Equal(1, first.Metadata.RemainingItemCount);
        Assert.Equal(["s3"], second.Items.Select(s => s.Metadata.Name));
        Assert.Null(second.Metadata.ContinueProperty);
    }

    [Fact]
    public async Task Lease_UpdateWithResourceVersion_OnlyOneReplicaWins()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        await client.CoordinationV1.CreateNamespacedLeaseAsync(Lease("kelos-controller", "replica-a"), Namespace);
        var seenByA = await client.CoordinationV1.ReadNamespacedLeaseAsync("kelos-controller", Namespace);
        var seenByB = await client.CoordinationV1.ReadNamespacedLeaseAsync("kelos-controller", Namespace);

        seenByA.Spec.RenewTime = DateTime.UtcNow;
        var renewed = await client.CoordinationV1.ReplaceNamespacedLeaseAsync(seenByA, "kelos-controller", Namespace);
        seenByB.Spec.HolderIdentity = "replica-b";
        var (code, _) = await ApiErrors.RefusedAsync(() => client.CoordinationV1.ReplaceNamespacedLeaseAsync(seenByB, "kelos-controller", Namespace));

        Assert.NotEqual(seenByA.Metadata.ResourceVersion, renewed.Metadata.ResourceVersion);
        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("replica-a", k8s.Get<V1Lease>(Namespace, "kelos-controller")!.Spec.HolderIdentity);
    }

    [Fact]
    public async Task Event_Create_IsListed()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();

        await client.CoreV1.CreateNamespacedEventAsync(
            new Corev1Event
            {
                Metadata = new V1ObjectMeta { GenerateName = "task-1." },
                InvolvedObject = new V1ObjectReference { ApiVersion = "kelos.dev/v1alpha1", Kind = "Task", Name = "task-1", NamespaceProperty = Namespace },
                Reason = "Started",
                Message = "Job task-1 created",
                Type = "Normal",
            },
            Namespace);
        var events = await client.CoreV1.ListNamespacedEventAsync(Namespace, fieldSelector: "involvedObject.name=task-1");

        var stored = Assert.Single(events.Items);
        Assert.StartsWith("task-1.", stored.Metadata.Name, StringComparison.Ordinal);
        Assert.Equal("Started", stored.Reason);
    }

    [Fact]
    public async Task Event_InvolvedObjectInAnotherNamespace_Answers422()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var body = new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = "task-1.abc" },
            InvolvedObject = new V1ObjectReference { ApiVersion = "kelos.dev/v1alpha1", Kind = "Task", Name = "task-1", NamespaceProperty = "elsewhere" },
            Reason = "Started",
        };

        var (code, status) = await ApiErrors.RefusedAsync(() => client.CoreV1.CreateNamespacedEventAsync(body, Namespace));

        Assert.Equal((HttpStatusCode)422, code);
        Assert.Equal("Event \"task-1.abc\" is invalid: involvedObject.namespace: Invalid value: \"elsewhere\": does not match event.namespace", status.Message);
        Assert.Empty(k8s.List<Corev1Event>());
    }
}
