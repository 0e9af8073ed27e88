namespace Kelos.Core.Resources;

/// <summary>Annotations and labels Kelos reads and writes on resources.</summary>
public static class KelosAnnotations
{
    /// <summary>Set by <c>kelos cancel</c> (and <c>/kelos cancel</c>): who asked. The controller stops the Task.</summary>
    public const string CancelRequestedBy = "kelos.dev/cancel-requested-by";

    /// <summary>
    /// <c>read</c> on a Task (or a spawner's task template) asks for a read-only GitHub token: for agents that only
    /// read and answer (plan, review). Anything else gets write access to contents and pull requests.
    /// </summary>
    public const string GitHubTokenAccess = "kelos.dev/github-token";

    /// <summary>
    /// The finalizer the controller puts on the Tasks it takes (cluster mode): a deleted Task stays until the controller
    /// stopped its agent, removed what it created and released its branch lock.
    /// </summary>
    public const string CleanupFinalizer = "kelos.dev/cleanup";

    public const string TaskLabel = "kelos.dev/task";
    public const string SpawnerLabel = "kelos.dev/taskspawner";
    public const string ManagedByLabel = "kelos.dev/managed-by";
}
