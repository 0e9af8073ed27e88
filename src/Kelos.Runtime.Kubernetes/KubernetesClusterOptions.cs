using k8s;
using Kelos.Runtime.Kubernetes.Tokens;

namespace Kelos.Runtime.Kubernetes;

/// <summary>Where cluster mode finds its API server and namespace, and who this replica is.</summary>
public sealed class KubernetesClusterOptions
{
    private const string InClusterNamespaceFile = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    /// <summary>The namespace of the Tasks, Jobs, Secrets and the Lease; default: the pod's own namespace, else <c>default</c>.</summary>
    public string? Namespace { get; set; }

    /// <summary>A kubeconfig file (<c>--kubeconfig</c>); default: in-cluster config in a pod, else <c>$KUBECONFIG</c> or <c>~/.kube/config</c>.</summary>
    public string? KubeconfigPath { get; set; }

    /// <summary>A ready client configuration (tests, or a caller that built one); wins over <see cref="KubeconfigPath"/>.</summary>
    public KubernetesClientConfiguration? ClientConfiguration { get; set; }

    /// <summary>This replica's name in the Lease; default: the pod name (<c>HOSTNAME</c>) and the process id.</summary>
    public string? Identity { get; set; }

    /// <summary>The images the agent pods run.</summary>
    public AgentImages Images { get; set; } = new();

    /// <summary>When a running Task's GitHub App token is minted again (default: 45 min after minting, retries every minute).</summary>
    public TokenRefreshSchedule TokenRefresh { get; set; } = TokenRefreshSchedule.Default;

    internal KubernetesClientConfiguration ResolveClientConfiguration() =>
        ClientConfiguration
        ?? (KubeconfigPath is null && KubernetesClientConfiguration.IsInCluster()
            ? KubernetesClientConfiguration.InClusterConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath));

    internal string ResolveNamespace(KubernetesClientConfiguration configuration) =>
        Namespace
        ?? (File.Exists(InClusterNamespaceFile) ? File.ReadAllText(InClusterNamespaceFile).Trim() : null)
        ?? configuration.Namespace
        ?? "default";

    internal string ResolveIdentity() => Identity ?? $"{Environment.GetEnvironmentVariable("HOSTNAME") ?? Environment.MachineName}-{Environment.ProcessId}";
}
