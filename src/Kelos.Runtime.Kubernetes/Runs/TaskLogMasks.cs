using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using Kelos.Core.Resources;
using Kelos.Core.Text;
using Kelos.Runtime.Kubernetes.Api;
using Kelos.Runtime.Kubernetes.Store;

namespace Kelos.Runtime.Kubernetes.Runs;

/// <summary>
/// The secret values a Task's pod can see, to mask in its log: the per-Task Secret (the GitHub token, every token a
/// refresh replaced, and the values inside the merged MCP servers JSON), the agent credential Secret
/// (<c>credentials.secretRef</c>), the Secrets <c>podOverrides.env</c> takes values from, and the Workspace's Secret. The pod's log is written by the agent, unmasked; this is where cluster mode masks it, by the same rule
/// as embedded mode (<see cref="SecretMask"/>). A Secret that does not exist has nothing to mask; one that cannot be
/// read fails the read (<see cref="TaskLogException"/>) rather than show the log unmasked.
/// </summary>
internal sealed class TaskLogMasks(IKubernetes client, string @namespace, ApiRetry retry)
{
    private static readonly string[] McpSecretFields = ["headers", "env"];

    public async Task<SecretMask> ForAsync(KelosTask task, CancellationToken cancellationToken)
    {
        var names = new List<string> { TaskSecretBuilder.NameFor(task) };
        if (task.Spec.Credentials?.SecretRef?.Name is { Length: > 0 } credentials)
        {
            names.Add(credentials);
        }

        // Secrets handed to the agent through podOverrides.env (a gateway key, say).
        names.AddRange((task.Spec.PodOverrides?.Env ?? []).Select(e => e.ValueFrom?.SecretKeyRef?.Name).OfType<string>().Where(n => n.Length > 0));
        if (task.Spec.WorkspaceRef?.Name is { Length: > 0 } workspaceName
            && await new ResourceRoutes(client, @namespace, retry).GetAsync(ResourceKinds.Workspace, workspaceName, cancellationToken) is Workspace { Spec.SecretRef.Name: { Length: > 0 } workspaceSecret })
        {
            names.Add(workspaceSecret);
        }

        var mask = new SecretMask();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            foreach (var (key, value) in await ReadAsync(name, cancellationToken))
            {
                mask.Add(value);
                if (key == TaskSecretBuilder.McpServersKey)
                {
                    AddMcpValues(mask, value);
                }
            }
        }

        return mask;
    }

    private async Task<IReadOnlyList<(string Key, string Value)>> ReadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var secret = await retry.RunAsync(t => client.CoreV1.ReadNamespacedSecretAsync(name, @namespace, cancellationToken: t), cancellationToken);
            return [.. (secret.Data ?? new Dictionary<string, byte[]>()).Select(p => (p.Key, Encoding.UTF8.GetString(p.Value)))];
        }
        catch (Exception e) when (ApiErrors.IsNotFound(e))
        {
            return [];
        }
        catch (Exception e) when (e is k8s.Autorest.HttpOperationException http)
        {
            throw new TaskLogException($"cannot read Secret \"{name}\" in namespace {@namespace} to mask the log ({(int)http.Response.StatusCode} {http.Response.ReasonPhrase}); the log is not shown unmasked", e);
        }
    }

    /// <summary>The header and environment values of each MCP server: they came from other Secrets, and may appear alone.</summary>
    private static void AddMcpValues(SecretMask mask, string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return;
        }

        var servers = root?["mcpServers"] as JsonObject ?? root as JsonObject;
        foreach (var (_, server) in servers ?? [])
        {
            foreach (var field in McpSecretFields)
            {
                foreach (var (_, value) in server?[field] as JsonObject ?? [])
                {
                    if (value is JsonValue text && text.TryGetValue<string>(out var secret))
                    {
                        mask.Add(secret);
                    }
                }
            }
        }
    }
}
