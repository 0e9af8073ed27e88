using System.Text;
using Kelos.Core.Resources;

namespace Kelos.Core.Loading;

/// <summary>
/// Brings a valid resource to the one shape downstream code reads. Resources are stored in the flat form, as a
/// conversion webhook would: a Task's or task template's <c>worker</c> block is folded into the flat fields and set to
/// null; a single <c>agentConfigRef</c> is folded into <c>agentConfigRefs</c> and set to null; a Secret's
/// <c>stringData</c> is base64-encoded into <c>data</c> (a stringData key wins, as in Kubernetes) and set to null.
/// </summary>
public static class ResourceNormalizer
{
    /// <summary>Normalizes in place. Call only on a resource that loaded without errors.</summary>
    public static void Normalize(KelosResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        switch (resource)
        {
            case KelosTask task:
                FoldAgentFields(task.Spec);
                break;
            case TaskSpawner spawner:
                FoldAgentFields(spawner.Spec.TaskTemplate);
                break;
            case Secret secret:
                FoldStringData(secret);
                break;
        }
    }

    private static void FoldAgentFields(AgentRunFields fields)
    {
        if (fields.Worker is { } worker)
        {
            fields.Type ??= worker.Type;
            fields.Credentials ??= worker.Credentials;
            fields.Model ??= worker.Model;
            fields.Effort ??= worker.Effort;
            fields.Image ??= worker.Image;
            fields.WorkspaceRef ??= worker.WorkspaceRef;
            fields.AgentConfigRefs ??= worker.AgentConfigRefs;
            fields.PodOverrides ??= worker.PodOverrides;
            fields.Worker = null;
        }

        if (fields.AgentConfigRef is { } single)
        {
            fields.AgentConfigRefs = [single, .. fields.AgentConfigRefs ?? []];
            fields.AgentConfigRef = null;
        }
    }

    private static void FoldStringData(Secret secret)
    {
        if (secret.StringData is null)
        {
            return;
        }

        secret.Data ??= new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in secret.StringData)
        {
            secret.Data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        }

        secret.StringData = null;
    }
}
