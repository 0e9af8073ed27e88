namespace Kelos.Cli.Install;

/// <summary>
/// Where the API server serves one kind that <c>kelos install</c> applies, and when it goes in: <see cref="Order"/> puts
/// what others need first (the Namespace, the CRDs, accounts and their RBAC, configuration, then the workloads, and the
/// custom resources last, once their CRDs are established).
/// </summary>
public sealed record InstallKind(string ApiVersion, string Kind, string Plural, bool Namespaced, int Order)
{
    public const string KelosGroup = "kelos.dev";

    private static readonly InstallKind[] Known =
    [
        new("v1", "Namespace", "namespaces", false, 0),
        new("apiextensions.k8s.io/v1", "CustomResourceDefinition", "customresourcedefinitions", false, 1),
        new("v1", "ServiceAccount", "serviceaccounts", true, 2),
        new("rbac.authorization.k8s.io/v1", "ClusterRole", "clusterroles", false, 3),
        new("rbac.authorization.k8s.io/v1", "Role", "roles", true, 3),
        new("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "clusterrolebindings", false, 4),
        new("rbac.authorization.k8s.io/v1", "RoleBinding", "rolebindings", true, 4),
        new("v1", "ConfigMap", "configmaps", true, 5),
        new("v1", "Secret", "secrets", true, 5),
        new("v1", "Service", "services", true, 6),
        new("networking.k8s.io/v1", "NetworkPolicy", "networkpolicies", true, 6),
        new("apps/v1", "StatefulSet", "statefulsets", true, 7),
        new("apps/v1", "Deployment", "deployments", true, 7),
        new("networking.k8s.io/v1", "Ingress", "ingresses", true, 8),
        new("policy/v1", "PodDisruptionBudget", "poddisruptionbudgets", true, 8),
        new("kelos.dev/v1alpha1", "Task", "tasks", true, 9),
        new("kelos.dev/v1alpha1", "Workspace", "workspaces", true, 9),
        new("kelos.dev/v1alpha1", "AgentConfig", "agentconfigs", true, 9),
        new("kelos.dev/v1alpha1", "TaskSpawner", "taskspawners", true, 9),
    ];

    /// <summary>The API group; empty for the core group (served under <c>/api/v1</c>).</summary>
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    public string Version => ApiVersion[(ApiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..];

    /// <summary>A custom resource of Kelos's own CRDs: applied only once they are established.</summary>
    public bool IsKelos => Group == KelosGroup;

    public static InstallKind Of(string apiVersion, string kind) =>
        Known.FirstOrDefault(k => k.ApiVersion == apiVersion && k.Kind == kind)
        ?? throw new CliException($"kelos install does not know where {apiVersion} {kind} goes; add it to InstallKind");
}
