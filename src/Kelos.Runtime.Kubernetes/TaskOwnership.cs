using k8s.Models;
using Kelos.Core.Resources;

namespace Kelos.Runtime.Kubernetes;

/// <summary>
/// What ties the objects Kelos creates for a Task to it: the <c>kelos.dev/*</c> labels (found by selector) and an
/// owner reference to the Task (deleted with it by the garbage collector).
/// </summary>
public static class TaskOwnership
{
    public const string ComponentLabel = "kelos.dev/component";
    public const string AgentComponent = "agent";
    public const string ManagedBy = "kelos";

    /// <summary>The labels of the Job and its pods; <paramref name="extra"/> (a Task's <c>podOverrides.labels</c>) never replaces one.</summary>
    public static Dictionary<string, string> Labels(KelosTask task, IReadOnlyDictionary<string, string>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var labels = new Dictionary<string, string>(extra ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [KelosAnnotations.TaskLabel] = task.Name,
            [ComponentLabel] = AgentComponent,
            [KelosAnnotations.ManagedByLabel] = ManagedBy,
        };
        if (task.Label(KelosAnnotations.SpawnerLabel) is { Length: > 0 } spawner)
        {
            labels[KelosAnnotations.SpawnerLabel] = spawner;
        }
        else
        {
            labels.Remove(KelosAnnotations.SpawnerLabel);
        }

        return labels;
    }

    /// <summary>The Task as controlling owner: <c>controller: true</c>, <c>blockOwnerDeletion: true</c>.</summary>
    public static V1OwnerReference OwnerReference(KelosTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new V1OwnerReference
        {
            ApiVersion = ResourceKinds.V1Alpha1,
            Kind = ResourceKinds.Task,
            Name = task.Name,
            Uid = task.Metadata.Uid,
            Controller = true,
            BlockOwnerDeletion = true,
        };
    }
}
