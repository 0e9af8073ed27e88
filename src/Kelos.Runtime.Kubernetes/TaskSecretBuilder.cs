using k8s.Models;
using Kelos.Core.Resources;

namespace Kelos.Runtime.Kubernetes;

/// <summary>
/// The per-Task Secret <c>&lt;task&gt;-github-token</c>, owned by the Task. It holds the GitHub token for the one
/// repository under <see cref="TokenKey"/> (mounted as a file for git's credential helper and read by
/// <c>secretKeyRef</c> for <c>GITHUB_TOKEN</c>/<c>GH_TOKEN</c>) and, when MCP servers take values from Secrets,
/// the merged <c>KELOS_MCP_SERVERS</c> JSON under <see cref="McpServersKey"/>. This builds the skeleton with empty
/// values; the controller fills them (and refreshes the token while the Task runs).
/// </summary>
public static class TaskSecretBuilder
{
    public const string TokenKey = "token";
    public const string McpServersKey = "mcp-servers";

    /// <summary>The tokens replaced by refreshes, one per line: never mounted, kept only to mask the log with.</summary>
    public const string RetiredTokensKey = "retired-tokens";

    public static string NameFor(KelosTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return NameFor(task.Name);
    }

    public static string NameFor(string taskName) => $"{taskName}-github-token";

    /// <summary>The skeleton, or null when the pod needs no per-Task Secret.</summary>
    public static V1Secret? Build(TaskJobInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!input.UsesTaskSecret)
        {
            return null;
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.UsesGitHubToken)
        {
            data[TokenKey] = "";
        }

        if (input.McpServersNeedSecrets)
        {
            data[McpServersKey] = "";
        }

        return new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta
            {
                Name = NameFor(input.Task),
                NamespaceProperty = input.Namespace,
                Labels = TaskOwnership.Labels(input.Task),
                OwnerReferences = [TaskOwnership.OwnerReference(input.Task)],
            },
            Type = "Opaque",
            StringData = data,
        };
    }
}
