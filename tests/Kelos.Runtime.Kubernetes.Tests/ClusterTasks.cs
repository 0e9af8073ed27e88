using k8s;
using System.Text.Json.Nodes;
using k8s.Models;
using Kelos.Testing.Kubernetes;

namespace Kelos.Runtime.Kubernetes.Tests;

/// <summary>Tasks put on the stand-in as <c>kubectl apply</c> would, and their status read back from it.</summary>
internal static class ClusterTasks
{
    public const string Ns = ClusterController.Namespace;

    public static void Create(KubernetesStandIn cluster, string name, string? dependsOn = null, string? workspace = null, string? branch = null)
    {
        var spec = new JsonObject
        {
            ["type"] = "claude-code",
            ["prompt"] = $"work on {name}",
            ["credentials"] = new JsonObject { ["type"] = "api-key", ["secretRef"] = new JsonObject { ["name"] = "model-key" } },
        };
        if (dependsOn is not null)
        {
            spec["dependsOn"] = new JsonArray(dependsOn);
        }

        if (workspace is not null)
        {
            spec["workspaceRef"] = new JsonObject { ["name"] = workspace };
        }

        if (branch is not null)
        {
            spec["branch"] = branch;
        }

        cluster.CreateObject(new JsonObject
        {
            ["apiVersion"] = "kelos.dev/v1alpha1",
            ["kind"] = "Task",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Ns },
            ["spec"] = spec,
        });
    }

    /// <param name="secretRef">The Secret with the GitHub token or App (see <see cref="CreateSecret"/>), if any.</param>
    public static void CreateWorkspace(KubernetesStandIn cluster, string name, string? secretRef = null)
    {
        var spec = new JsonObject { ["repo"] = "https://github.com/example/app.git", ["ref"] = "main" };
        if (secretRef is not null)
        {
            spec["secretRef"] = new JsonObject { ["name"] = secretRef };
        }

        cluster.CreateObject(new JsonObject
        {
            ["apiVersion"] = "kelos.dev/v1alpha1",
            ["kind"] = "Workspace",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Ns },
            ["spec"] = spec,
        });
    }

    public static void CreateSecret(KubernetesStandIn cluster, string name, Dictionary<string, string> values) =>
        cluster.Create(new V1Secret { ApiVersion = "v1", Kind = "Secret", Metadata = new() { Name = name, NamespaceProperty = Ns }, StringData = values });

    /// <summary>Deletes a Task as <c>kubectl delete task</c> does.</summary>
    public static async Task DeleteAsync(KubernetesStandIn cluster, string name)
    {
        using var client = cluster.CreateClient();
        await client.CustomObjects.DeleteNamespacedCustomObjectAsync("kelos.dev", "v1alpha1", Ns, "tasks", name);
    }

    public static JsonObject? TaskObject(KubernetesStandIn cluster, string name) => cluster.GetObject("kelos.dev/v1alpha1", "tasks", Ns, name);

    public static string? Phase(KubernetesStandIn cluster, string name) =>
        cluster.GetObject("kelos.dev/v1alpha1", "tasks", Ns, name)?["status"]?["phase"]?.GetValue<string>();

    public static JsonNode? Status(KubernetesStandIn cluster, string name) =>
        cluster.GetObject("kelos.dev/v1alpha1", "tasks", Ns, name)?["status"];

    public static Task<string> PodOf(KubernetesStandIn cluster, string task) =>
        Eventually.Get(() => cluster.Get<V1Job>(Ns, task) is not null && cluster.JobPods(Ns, task) is { Count: > 0 } pods ? pods[^1].Metadata.Name : null, $"the pod of Task {task}");

    public static Task WaitForPhase(KubernetesStandIn cluster, string task, string phase) =>
        Eventually.True(() => Phase(cluster, task) == phase, $"Task {task} to be {phase} (it is {Phase(cluster, task) ?? "new"})");

    /// <summary>The agent's log with an outputs block at its end, as the capture step prints it.</summary>
    public static string LogWithOutputs(string branch) =>
        $"thinking\ndone\n---KELOS_OUTPUTS_START---\nbranch: {branch}\ncommit: 0123abcd\ninput-tokens: 1200\noutput-tokens: 340\nresponse: {Convert.ToBase64String("All fixed."u8.ToArray())}\n---KELOS_OUTPUTS_END---\n";

    /// <summary>The pod runs, prints its outputs block and succeeds.</summary>
    public static async Task SucceedAsync(KubernetesStandIn cluster, string task)
    {
        var pod = await PodOf(cluster, task);
        cluster.SetPodRunning(Ns, pod);
        cluster.SetPodLog(Ns, pod, "kelos-agent", LogWithOutputs("kelos/" + task));
        cluster.SetPodSucceeded(Ns, pod);
    }
}
