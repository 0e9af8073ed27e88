using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Kelos.Testing.Kubernetes;

namespace Kelos.Cli.Tests;

/// <summary>The Kubernetes API stand-in with a kubeconfig file pointing at it, for running <c>kelos … --kubeconfig</c>.</summary>
public sealed class ClusterStandIn : IAsyncDisposable
{
    public const string Ns = "kelos";

    /// <summary>The kubeconfig's bearer token: no output may ever show it.</summary>
    public const string Token = "kubeconfig-token-7f3a9c2e51";

    private ClusterStandIn(KubernetesStandIn api, string kubeconfig)
    {
        Api = api;
        Kubeconfig = kubeconfig;
    }

    public KubernetesStandIn Api { get; }

    public string Kubeconfig { get; }

    public static async Task<ClusterStandIn> StartAsync(KelosCli kelos)
    {
        var api = await KubernetesStandIn.StartAsync();
        var kubeconfig = kelos.Write("kubeconfig.yaml", $"""
            apiVersion: v1
            kind: Config
            clusters:
              - name: stand-in
                cluster:
                  server: {api.BaseUrl.ToString().TrimEnd('/')}
            users:
              - name: tester
                user:
                  token: {Token}
            contexts:
              - name: stand-in
                context:
                  cluster: stand-in
                  user: tester
                  namespace: {Ns}
            current-context: stand-in
            """);
        return new ClusterStandIn(api, kubeconfig);
    }

    /// <summary>A Task as <c>kubectl apply</c> would create it, with a status as the controller would write it.</summary>
    public async Task CreateTaskAsync(string name, string? phase = null, string type = "claude-code", string? ns = null)
    {
        Api.CreateObject(new JsonObject
        {
            ["apiVersion"] = "kelos.dev/v1alpha1",
            ["kind"] = "Task",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns ?? Ns },
            ["spec"] = new JsonObject
            {
                ["type"] = type,
                ["prompt"] = $"work on {name}",
                ["credentials"] = new JsonObject { ["type"] = "api-key", ["secretRef"] = new JsonObject { ["name"] = "model-key" } },
            },
        });
        if (phase is not null)
        {
            using var client = Api.CreateClient();
            var stored = Api.GetObject("kelos.dev/v1alpha1", "tasks", ns ?? Ns, name)!;
            stored["status"] = new JsonObject { ["phase"] = phase, ["message"] = $"{name} is {phase}" };
            await client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(stored, "kelos.dev", "v1alpha1", ns ?? Ns, "tasks", name);
        }
    }

    /// <summary>The Task's pod as the Job controller makes it, running, with <paramref name="log"/> from <c>kelos-agent</c>.</summary>
    public string RunPod(string task, string log)
    {
        var pod = Api.Create(new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new() { Name = $"{task}-x7k2p", NamespaceProperty = Ns, Labels = new Dictionary<string, string> { ["kelos.dev/task"] = task } },
            Spec = new()
            {
                RestartPolicy = "Never",
                InitContainers = [new() { Name = "git-clone", Image = "alpine/git" }],
                Containers = [new() { Name = "kelos-agent", Image = "agent" }],
            },
        }).Metadata.Name;
        Api.SetPodRunning(Ns, pod);
        Api.SetPodLog(Ns, pod, "kelos-agent", log);
        return pod;
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
