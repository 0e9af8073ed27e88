using System.Text.Json.Nodes;
using Kelos.Core.Tests.Crds;

namespace Kelos.Core.Tests.Deploy;

/// <summary>
/// <c>deploy/</c> renders with <c>kubectl kustomize</c>, and what it renders is what the README promises: every part
/// present, pods restricted, each role with only its permissions, every Secret and ConfigMap a pod needs provided.
/// </summary>
public class KustomizeTests(RenderedKustomizations deploy) : IClassFixture<RenderedKustomizations>
{
    private const string Dev = "deploy/overlays/dev";
    private const string Production = "deploy/overlays/production";

    public static TheoryData<string> Overlays() => new([Dev, Production]);

    [Fact]
    public void EveryKustomization_RendersToNamedObjects()
    {
        Assert.Equal(
            [
                "deploy/base", "deploy/crds", "deploy/ingress", "deploy/install", "deploy/overlays/dev", "deploy/overlays/production",
                "deploy/rabbitmq", "deploy/secrets", "deploy/spawners", "templates",
            ],
            deploy.Directories);
        foreach (var directory in deploy.Directories)
        {
            var objects = deploy.Objects(directory);
            Assert.NotEmpty(objects);
            Assert.All(objects, o => Assert.False(
                string.IsNullOrEmpty((string?)o["apiVersion"]) || string.IsNullOrEmpty((string?)o["kind"]) || string.IsNullOrEmpty((string?)o["metadata"]?["name"]),
                $"{directory}: an object without apiVersion, kind or name: {o.ToJsonString()}"));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Overlay_HoldsEveryPartInTheKelosNamespace(string overlay)
    {
        var objects = deploy.Objects(overlay);
        var kinds = objects.GroupBy(o => (string)o["kind"]!).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(1, kinds["Namespace"]);
        Assert.Equal(4, kinds["CustomResourceDefinition"]);
        Assert.Equal(3, kinds["ServiceAccount"]);
        Assert.Equal(3, kinds["Deployment"]);
        Assert.Equal(1, kinds["StatefulSet"]);
        Assert.Equal(5, kinds["TaskSpawner"]);
        Assert.Equal(
            ["kelos-controller", "kelos-rabbitmq", "kelos-reporter", "kelos-webhook"],
            objects.Where(o => (string?)o["kind"] is "Deployment" or "StatefulSet").Select(Name).Order(StringComparer.Ordinal));
        Assert.Contains(objects, o => Kind(o) == "Service" && Name(o) == "kelos-webhook");
        Assert.Contains(objects, o => Kind(o) == "Service" && Name(o) == "kelos-rabbitmq");
        if (overlay == Production)
        {
            Assert.Equal(2, kinds["PodDisruptionBudget"]);
            Assert.Equal(1, kinds["Ingress"]);
        }

        var clusterScoped = new[] { "Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding" };
        Assert.All(
            objects.Where(o => !clusterScoped.Contains(Kind(o))),
            o => Assert.True((string?)o["metadata"]!["namespace"] == "kelos", $"{Kind(o)} {Name(o)} is not in the kelos namespace"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Overlay_PodsRunRestricted(string overlay)
    {
        foreach (var workload in Workloads(overlay))
        {
            var pod = workload["spec"]!["template"]!["spec"]!;
            var name = Name(workload);
            Assert.True((bool?)pod["securityContext"]?["runAsNonRoot"] == true, $"{name}: runAsNonRoot");
            Assert.Equal("RuntimeDefault", (string?)pod["securityContext"]?["seccompProfile"]?["type"]);
            foreach (var container in pod["containers"]!.AsArray())
            {
                var context = container!["securityContext"];
                Assert.True((bool?)context?["allowPrivilegeEscalation"] == false, $"{name}: allowPrivilegeEscalation");
                Assert.Equal("""["ALL"]""", context?["capabilities"]?["drop"]?.ToJsonString());
                Assert.NotNull(container["resources"]?["requests"]);
                Assert.NotNull(container["resources"]?["limits"]?["memory"]);
            }
        }

        foreach (var role in KelosDeployments(overlay))
        {
            var pod = role["spec"]!["template"]!["spec"]!;
            Assert.Equal(61100, (long?)pod["securityContext"]!["runAsUser"]);
            Assert.True((bool?)pod["containers"]![0]!["securityContext"]!["readOnlyRootFilesystem"] == true, $"{Name(role)}: readOnlyRootFilesystem");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Overlay_EachRoleServesItsRoleAsItsServiceAccountWithProbes(string overlay)
    {
        foreach (var role in KelosDeployments(overlay))
        {
            var component = (string)role["metadata"]!["labels"]!["app.kubernetes.io/component"]!;
            var container = role["spec"]!["template"]!["spec"]!["containers"]![0]!;
            var args = container["args"]!.AsArray().Select(a => (string)a!).ToList();

            Assert.Equal(["serve", "--role", component], args.Take(3));
            Assert.Equal($"kelos-{component}", (string?)role["spec"]!["template"]!["spec"]!["serviceAccountName"]);
            Assert.Equal("/healthz", (string?)container["livenessProbe"]?["httpGet"]?["path"]);
            Assert.Equal("/readyz", (string?)container["readinessProbe"]?["httpGet"]?["path"]);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Webhook_HasNoKubernetesAccessAndOnlyTheWebhookSecret(string overlay)
    {
        var objects = deploy.Objects(overlay);
        var account = objects.Single(o => Kind(o) == "ServiceAccount" && Name(o) == "kelos-webhook");
        var pod = objects.Single(o => Kind(o) == "Deployment" && Name(o) == "kelos-webhook")["spec"]!["template"]!["spec"]!;

        Assert.False((bool)account["automountServiceAccountToken"]!);
        Assert.False((bool)pod["automountServiceAccountToken"]!);
        Assert.DoesNotContain(
            objects.Where(o => Kind(o) is "RoleBinding" or "ClusterRoleBinding").SelectMany(b => b["subjects"]!.AsArray()),
            s => (string?)s!["name"] == "kelos-webhook");
        var mountedKeys = pod["volumes"]!.AsArray()
            .Where(v => v!["secret"] is not null)
            .SelectMany(v => v!["secret"]!["items"]!.AsArray().Select(i => (string)i!["key"]!));
        Assert.Equal(["webhook-secret"], mountedKeys);
    }

    [Fact]
    public void Reporter_OnlyReadsAndUpdatesTasksAndReadsTheirLogs()
    {
        var rules = Rules(deploy.Objects("deploy/base"), "ClusterRole", "kelos-reporter");

        Assert.Equal(["kelos.dev tasks: get list watch update patch", "kelos.dev workspaces: get", " pods: get list", " pods/log: get", " secrets: get"], rules);
    }

    [Fact]
    public void Controller_ManagesJobsPodsSecretsEventsLeasesAndTaskStatus()
    {
        var objects = deploy.Objects("deploy/base");
        var rules = Rules(objects, "ClusterRole", "kelos-controller");

        Assert.Equal(
            [
                "kelos.dev tasks: get list watch create update patch delete",
                "kelos.dev tasks/status: get update patch",
                "kelos.dev tasks/finalizers: update",
                "kelos.dev workspaces: get list watch create update",
                "kelos.dev agentconfigs,taskspawners: get list watch",
                "kelos.dev taskspawners/status: get update patch",
                "batch jobs: get list watch create delete",
                " pods: get list watch",
                " pods/log: get",
                " secrets: get create update patch delete",
                " events: create",
            ],
            rules);
        Assert.Equal(
            ["coordination.k8s.io leases: create", "coordination.k8s.io leases[kelos-controller]: get update patch"],
            Rules(objects, "Role", "kelos-controller-leader-election"));
    }

    [Fact]
    public void TemplateConfigMaps_HoldEveryShippedTemplate()
    {
        var objects = deploy.Objects("deploy/base");
        foreach (var (configMap, folder) in new[] { ("kelos-comment-templates", "comments"), ("kelos-prompt-templates", "prompts") })
        {
            var data = objects.Single(o => Kind(o) == "ConfigMap" && Name(o).StartsWith(configMap + "-", StringComparison.Ordinal))["data"]!.AsObject();
            var files = Directory.EnumerateFiles(Path.Combine(deploy.Root, "templates", folder), "*.sbn").Select(Path.GetFileName).Order(StringComparer.Ordinal);

            Assert.Equal(files, data.Select(d => d.Key).Order(StringComparer.Ordinal));
            Assert.All(data, d => Assert.Equal(File.ReadAllText(Path.Combine(deploy.Root, "templates", folder, d.Key)), (string)d.Value!));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Overlay_EverySecretKeyAPodReadsIsInThePlaceholders(string overlay)
    {
        var placeholders = deploy.Objects("deploy/secrets")
            .SelectMany(s => s["stringData"]!.AsObject().Select(d => $"{Name(s)}/{d.Key}"))
            .ToHashSet(StringComparer.Ordinal);
        var spawnerSecrets = deploy.Objects(overlay).Where(o => Kind(o) == "TaskSpawner")
            .Select(s => $"{s["spec"]!["taskTemplate"]!["credentials"]!["secretRef"]!["name"]}/ANTHROPIC_API_KEY");

        Assert.All(SecretKeysRead(overlay).Concat(spawnerSecrets), key => Assert.Contains(key, placeholders));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Overlay_EveryConfigMapAPodMountsIsRendered(string overlay)
    {
        var objects = deploy.Objects(overlay);
        var configMaps = objects.Where(o => Kind(o) == "ConfigMap").Select(Name).ToHashSet(StringComparer.Ordinal);
        foreach (var pod in Workloads(overlay).Select(w => w["spec"]!["template"]!["spec"]!))
        {
            var referenced = pod["volumes"]!.AsArray().Select(v => (string?)v!["configMap"]?["name"])
                .Concat(pod["containers"]!.AsArray().SelectMany(c => (c!["envFrom"] as JsonArray ?? []).Select(e => (string?)e!["configMapRef"]?["name"])))
                .OfType<string>();
            Assert.All(referenced, name => Assert.Contains(name, configMaps));
        }
    }

    [Fact]
    public void SpawnersKustomization_IsInvisibleToKelosConfigDir()
    {
        // kelos serve --config-dir deploy/spawners loads every *.yaml there: the Kustomization must not be one.
        var loaded = Kelos.Core.Loading.ResourceLoader.LoadPath(Path.Combine(deploy.Root, "deploy", "spawners"));

        Assert.True(loaded.Ok, string.Join("\n", loaded.Errors));
        Assert.Equal(
            deploy.Objects("deploy/spawners").Select(Name).Order(StringComparer.Ordinal),
            loaded.Resources.Select(r => r.Resource.Name).Order(StringComparer.Ordinal));
    }

    private IEnumerable<string> SecretKeysRead(string overlay)
    {
        foreach (var pod in Workloads(overlay).Select(w => w["spec"]!["template"]!["spec"]!))
        {
            foreach (var env in pod["containers"]!.AsArray().SelectMany(c => c!["env"] as JsonArray ?? []))
            {
                if (env!["valueFrom"]?["secretKeyRef"] is { } reference)
                {
                    yield return $"{reference["name"]}/{reference["key"]}";
                }
            }

            foreach (var secret in pod["volumes"]!.AsArray().Select(v => v!["secret"]).OfType<JsonNode>())
            {
                foreach (var item in secret["items"]!.AsArray())
                {
                    yield return $"{secret["secretName"]}/{item!["key"]}";
                }
            }
        }
    }

    private IEnumerable<JsonNode> Workloads(string overlay) =>
        deploy.Objects(overlay).Where(o => Kind(o) is "Deployment" or "StatefulSet");

    private IEnumerable<JsonNode> KelosDeployments(string overlay) =>
        deploy.Objects(overlay).Where(o => Kind(o) == "Deployment" && (string?)o["metadata"]!["labels"]?["app.kubernetes.io/name"] == "kelos");

    /// <summary>Each rule as <c>groups resources[names]: verbs</c>.</summary>
    private static List<string> Rules(IEnumerable<JsonNode> objects, string kind, string name) =>
        objects.Single(o => Kind(o) == kind && Name(o) == name)["rules"]!.AsArray()
            .Select(r =>
            {
                var names = r!["resourceNames"] is JsonArray n ? $"[{string.Join(",", n.Select(x => (string)x!))}]" : "";
                return $"{Join(r["apiGroups"], ",")} {Join(r["resources"], ",")}{names}: {Join(r["verbs"], " ")}";
            })
            .ToList();

    private static string Join(JsonNode? list, string separator) => string.Join(separator, list!.AsArray().Select(x => (string)x!));

    private static string Kind(JsonNode o) => (string)o["kind"]!;

    private static string Name(JsonNode o) => (string)o["metadata"]!["name"]!;
}
