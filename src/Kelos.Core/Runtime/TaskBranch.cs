using Kelos.Core.Resources;

namespace Kelos.Core.Runtime;

/// <summary>The branch a Task works on, which is also its lock key within its Workspace.</summary>
public static class TaskBranch
{
    public const string DefaultPrefix = "kelos/";

    public static string Of(KelosTask task) =>
        string.IsNullOrWhiteSpace(task.Spec.Branch) ? DefaultPrefix + task.Name : task.Spec.Branch;
}
