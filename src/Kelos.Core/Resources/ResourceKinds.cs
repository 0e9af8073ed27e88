namespace Kelos.Core.Resources;

/// <summary>The kinds Kelos reads, their API versions, and the type each one binds to.</summary>
public static class ResourceKinds
{
    public const string Group = "kelos.dev";
    public const string V1Alpha1 = "kelos.dev/v1alpha1";
    public const string V1Alpha2 = "kelos.dev/v1alpha2";

    public const string Task = "Task";
    public const string Workspace = "Workspace";
    public const string AgentConfig = "AgentConfig";
    public const string TaskSpawner = "TaskSpawner";
    public const string Secret = "Secret";

    public static readonly IReadOnlyList<string> KelosVersions = [V1Alpha1, V1Alpha2];

    public static readonly IReadOnlyDictionary<string, Type> Types = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [Task] = typeof(KelosTask),
        [Workspace] = typeof(Workspace),
        [AgentConfig] = typeof(AgentConfig),
        [TaskSpawner] = typeof(TaskSpawner),
        [Secret] = typeof(Secret),
    };

    /// <summary>Maps the names people type (<c>tasks</c>, <c>task</c>, <c>ws</c>) to a kind.</summary>
    public static string? FromUserInput(string text) => text.ToLowerInvariant() switch
    {
        "task" or "tasks" => Task,
        "workspace" or "workspaces" or "ws" => Workspace,
        "agentconfig" or "agentconfigs" or "ac" => AgentConfig,
        "taskspawner" or "taskspawners" or "ts" => TaskSpawner,
        "secret" or "secrets" => Secret,
        _ => null,
    };
}
