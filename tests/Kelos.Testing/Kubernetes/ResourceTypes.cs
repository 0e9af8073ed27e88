namespace Kelos.Testing.Kubernetes;

/// <summary>
/// The resources the stand-in serves: what Kelos's controller touches, the four Kelos custom resources, and what
/// <c>kelos install</c> applies (Namespace, CRDs, RBAC, ServiceAccounts, Services, Deployments, StatefulSets, network
/// policies, Ingresses, PodDisruptionBudgets), some of them cluster-scoped. Anything else answers 404, as a server
/// without that API would.
/// </summary>
internal static class ResourceTypes
{
    public const string KelosGroup = "kelos.dev";
    public const string KelosVersion = "v1alpha1";
    private const string Rbac = "rbac.authorization.k8s.io";

    public static ResourceType Pods { get; } = new("", "v1", "pods", "Pod", HasStatus: true, HasGeneration: false, IsCustom: false);

    public static ResourceType Secrets { get; } = new("", "v1", "secrets", "Secret", false, false, false);

    public static ResourceType ConfigMaps { get; } = new("", "v1", "configmaps", "ConfigMap", false, false, false);

    public static ResourceType CoreEvents { get; } = new("", "v1", "events", "Event", false, false, false);

    public static ResourceType Events { get; } = new("events.k8s.io", "v1", "events", "Event", false, false, false);

    public static ResourceType Jobs { get; } = new("batch", "v1", "jobs", "Job", HasStatus: true, HasGeneration: true, IsCustom: false);

    public static ResourceType Leases { get; } = new("coordination.k8s.io", "v1", "leases", "Lease", false, false, false);

    public static ResourceType Namespaces { get; } = new("", "v1", "namespaces", "Namespace", HasStatus: true, HasGeneration: false, IsCustom: false, Namespaced: false);

    public static ResourceType ServiceAccounts { get; } = new("", "v1", "serviceaccounts", "ServiceAccount", false, false, false);

    public static ResourceType Services { get; } = new("", "v1", "services", "Service", HasStatus: true, HasGeneration: false, IsCustom: false);

    public static ResourceType CustomResourceDefinitions { get; } =
        new("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", HasStatus: true, HasGeneration: true, IsCustom: false, Namespaced: false);

    public static ResourceType ClusterRoles { get; } = new(Rbac, "v1", "clusterroles", "ClusterRole", false, false, false, Namespaced: false);

    public static ResourceType ClusterRoleBindings { get; } = new(Rbac, "v1", "clusterrolebindings", "ClusterRoleBinding", false, false, false, Namespaced: false);

    public static ResourceType Roles { get; } = new(Rbac, "v1", "roles", "Role", false, false, false);

    public static ResourceType RoleBindings { get; } = new(Rbac, "v1", "rolebindings", "RoleBinding", false, false, false);

    public static ResourceType Deployments { get; } = new("apps", "v1", "deployments", "Deployment", HasStatus: true, HasGeneration: true, IsCustom: false);

    public static ResourceType StatefulSets { get; } = new("apps", "v1", "statefulsets", "StatefulSet", HasStatus: true, HasGeneration: true, IsCustom: false);

    public static ResourceType NetworkPolicies { get; } = new("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", false, true, false);

    public static ResourceType Ingresses { get; } = new("networking.k8s.io", "v1", "ingresses", "Ingress", HasStatus: true, HasGeneration: true, IsCustom: false);

    public static ResourceType PodDisruptionBudgets { get; } = new("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", HasStatus: true, HasGeneration: true, IsCustom: false);

    public static ResourceType Tasks { get; } = Kelos("tasks", "Task");

    public static ResourceType Workspaces { get; } = Kelos("workspaces", "Workspace");

    public static ResourceType AgentConfigs { get; } = Kelos("agentconfigs", "AgentConfig");

    public static ResourceType TaskSpawners { get; } = Kelos("taskspawners", "TaskSpawner");

    public static IReadOnlyList<ResourceType> All { get; } =
        [
            Pods, Secrets, ConfigMaps, CoreEvents, Events, Jobs, Leases, Tasks, Workspaces, AgentConfigs, TaskSpawners,
            Namespaces, ServiceAccounts, Services, CustomResourceDefinitions, ClusterRoles, ClusterRoleBindings, Roles, RoleBindings,
            Deployments, StatefulSets, NetworkPolicies, Ingresses, PodDisruptionBudgets,
        ];

    /// <summary>The type served at <c>group/version</c> under <paramref name="plural"/>, or null.</summary>
    public static ResourceType? Find(string group, string version, string plural) =>
        All.FirstOrDefault(t => t.Group == group && t.Version == version && t.Plural == plural);

    /// <summary>The type of an object by its <c>apiVersion</c> and <c>kind</c>, or null.</summary>
    public static ResourceType? FindByKind(string apiVersion, string kind) =>
        All.FirstOrDefault(t => t.ApiVersion == apiVersion && t.Kind == kind);

    /// <summary>The type served at <c>apiVersion</c> under <paramref name="plural"/>, or null.</summary>
    public static ResourceType? FindByPlural(string apiVersion, string plural) =>
        All.FirstOrDefault(t => t.ApiVersion == apiVersion && t.Plural == plural);

    private static ResourceType Kelos(string plural, string kind) =>
        new(KelosGroup, KelosVersion, plural, kind, HasStatus: true, HasGeneration: true, IsCustom: true);
}
