namespace Kelos.Testing.Kubernetes;

/// <summary>
/// The resources the stand-in serves: what Kelos's controller touches, plus the four Kelos custom resources.
/// All are namespaced. Anything else answers 404, as a server without that API would.
/// </summary>
internal static class ResourceTypes
{
    public const string KelosGroup = "kelos.dev";
    public const string KelosVersion = "v1alpha1";

    public static ResourceType Pods { get; } = new("", "v1", "pods", "Pod", HasStatus: true, HasGeneration: false, IsCustom: false);

    public static ResourceType Secrets { get; } = new("", "v1", "secrets", "Secret", false, false, false);

    public static ResourceType ConfigMaps { get; } = new("", "v1", "configmaps", "ConfigMap", false, false, false);

    public static ResourceType CoreEvents { get; } = new("", "v1", "events", "Event", false, false, false);

    public static ResourceType Events { get; } = new("events.k8s.io", "v1", "events", "Event", false, false, false);

    public static ResourceType Jobs { get; } = new("batch", "v1", "jobs", "Job", HasStatus: true, HasGeneration: true, IsCustom: false);

    public static ResourceType Leases { get; } = new("coordination.k8s.io", "v1", "leases", "Lease", false, false, false);

    public static ResourceType Tasks { get; } = Kelos("tasks", "Task");

    public static ResourceType Workspaces { get; } = Kelos("workspaces", "Workspace");

    public static ResourceType AgentConfigs { get; } = Kelos("agentconfigs", "AgentConfig");

    public static ResourceType TaskSpawners { get; } = Kelos("taskspawners", "TaskSpawner");

    public static IReadOnlyList<ResourceType> All { get; } =
        [Pods, Secrets, ConfigMaps, CoreEvents, Events, Jobs, Leases, Tasks, Workspaces, AgentConfigs, TaskSpawners];

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
