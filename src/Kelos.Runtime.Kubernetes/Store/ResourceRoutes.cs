using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Kelos.Core.Resources;
using Kelos.Core.Store;
using Kelos.Runtime.Kubernetes.Api;

namespace Kelos.Runtime.Kubernetes.Store;

/// <summary>
/// The REST calls behind each kind in one namespace: the four Kelos kinds as <c>kelos.dev/v1alpha1</c> custom
/// resources, Secret as core <c>v1</c>. Every call goes through <see cref="ApiRetry"/>; objects cross as
/// <see cref="ResourceJson"/>, so the store sees the same types as in embedded mode.
/// </summary>
internal sealed class ResourceRoutes(IKubernetes client, string @namespace, ApiRetry retry)
{
    public const string Version = "v1alpha1";

    public string Namespace => @namespace;

    public static string PluralOf(string kind) => kind switch
    {
        ResourceKinds.Task => "tasks",
        ResourceKinds.Workspace => "workspaces",
        ResourceKinds.AgentConfig => "agentconfigs",
        ResourceKinds.TaskSpawner => "taskspawners",
        ResourceKinds.Secret => "secrets",
        _ => throw new ArgumentException($"unknown kind \"{kind}\"", nameof(kind)),
    };

    public static bool HasStatus(string kind) => kind == ResourceKinds.Task || kind == ResourceKinds.TaskSpawner;

    public async Task<(IReadOnlyList<KelosResource> Items, string? ResourceVersion)> ListAsync(string kind, CancellationToken cancellationToken)
    {
        if (kind == ResourceKinds.Secret)
        {
            var secrets = await retry.RunAsync(t => client.CoreV1.ListNamespacedSecretAsync(@namespace, cancellationToken: t), cancellationToken);
            return ([.. secrets.Items.Select(FromSecret)], secrets.Metadata?.ResourceVersion);
        }

        var list = await retry.RunAsync(
            t => client.CustomObjects.ListNamespacedCustomObjectAsync<ResourceList<JsonNode>>(ResourceKinds.Group, Version, @namespace, PluralOf(kind), cancellationToken: t),
            cancellationToken);
        return ([.. list.Items.Select(item => ResourceJson.Deserialize(item.ToJsonString()))], list.Metadata?.ResourceVersion);
    }

    public async Task<KelosResource?> GetAsync(string kind, string name, CancellationToken cancellationToken)
    {
        try
        {
            if (kind == ResourceKinds.Secret)
            {
                return FromSecret(await retry.RunAsync(t => client.CoreV1.ReadNamespacedSecretAsync(name, @namespace, cancellationToken: t), cancellationToken));
            }

            var item = await retry.RunAsync(
                t => client.CustomObjects.GetNamespacedCustomObjectAsync<JsonNode>(ResourceKinds.Group, Version, @namespace, PluralOf(kind), name, t),
                cancellationToken);
            return ResourceJson.Deserialize(item.ToJsonString());
        }
        catch (Exception e) when (ApiErrors.IsNotFound(e))
        {
            return null;
        }
    }

    /// <summary>Creates the resource; throws a 409 <see cref="k8s.Autorest.HttpOperationException"/> when it exists.</summary>
    public async Task<KelosResource> CreateAsync(KelosResource resource, CancellationToken cancellationToken)
    {
        var body = ForServer(resource, keepResourceVersion: false);
        if (resource.Kind == ResourceKinds.Secret)
        {
            var secret = KubernetesJson.Deserialize<V1Secret>(body.ToJsonString());
            return FromSecret(await retry.RunAsync(t => client.CoreV1.CreateNamespacedSecretAsync(secret, @namespace, cancellationToken: t), cancellationToken));
        }

        var created = await retry.RunAsync(
            t => client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonNode>(body, ResourceKinds.Group, Version, @namespace, PluralOf(resource.Kind), cancellationToken: t),
            cancellationToken);
        return ResourceJson.Deserialize(created.ToJsonString());
    }

    /// <summary>Replaces metadata and spec (the server keeps the status); 409 when the resourceVersion is stale.</summary>
    public async Task<KelosResource> ReplaceAsync(KelosResource resource, CancellationToken cancellationToken)
    {
        var body = ForServer(resource, keepResourceVersion: true);
        if (resource.Kind == ResourceKinds.Secret)
        {
            var secret = KubernetesJson.Deserialize<V1Secret>(body.ToJsonString());
            return FromSecret(await retry.RunAsync(t => client.CoreV1.ReplaceNamespacedSecretAsync(secret, resource.Name, @namespace, cancellationToken: t), cancellationToken));
        }

        var replaced = await retry.RunAsync(
            t => client.CustomObjects.ReplaceNamespacedCustomObjectAsync<JsonNode>(body, ResourceKinds.Group, Version, @namespace, PluralOf(resource.Kind), resource.Name, cancellationToken: t),
            cancellationToken);
        return ResourceJson.Deserialize(replaced.ToJsonString());
    }

    /// <summary>Replaces the status through the status subresource; 409 when the resourceVersion is stale.</summary>
    public async Task<KelosResource> ReplaceStatusAsync(KelosResource resource, CancellationToken cancellationToken)
    {
        var body = ForServer(resource, keepResourceVersion: true);
        var replaced = await retry.RunAsync(
            t => client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync<JsonNode>(body, ResourceKinds.Group, Version, @namespace, PluralOf(resource.Kind), resource.Name, cancellationToken: t),
            cancellationToken);
        return ResourceJson.Deserialize(replaced.ToJsonString());
    }

    /// <summary>Deletes with background propagation (what the resource owns goes too); false when it was not there.</summary>
    public async Task<bool> DeleteAsync(string kind, string name, CancellationToken cancellationToken)
    {
        try
        {
            if (kind == ResourceKinds.Secret)
            {
                await retry.RunAsync(t => client.CoreV1.DeleteNamespacedSecretAsync(name, @namespace, cancellationToken: t), cancellationToken);
            }
            else
            {
                await retry.RunAsync(
                    t => client.CustomObjects.DeleteNamespacedCustomObjectAsync(ResourceKinds.Group, Version, @namespace, PluralOf(kind), name, propagationPolicy: "Background", cancellationToken: t),
                    cancellationToken);
            }

            return true;
        }
        catch (Exception e) when (ApiErrors.IsNotFound(e))
        {
            return false;
        }
    }

    /// <summary>The body the server gets: in this namespace, in the served version, without server-owned fields.</summary>
    private JsonObject ForServer(KelosResource resource, bool keepResourceVersion)
    {
        var node = JsonNode.Parse(ResourceJson.Serialize(resource))!.AsObject();
        node["apiVersion"] = resource.Kind == ResourceKinds.Secret ? "v1" : $"{ResourceKinds.Group}/{Version}";
        var metadata = node["metadata"] as JsonObject ?? [];
        node["metadata"] = metadata;
        metadata["namespace"] = @namespace;
        if (!keepResourceVersion)
        {
            metadata.Remove("resourceVersion");
            metadata.Remove("uid");
            metadata.Remove("creationTimestamp");
        }

        return node;
    }

    private static Secret FromSecret(V1Secret secret)
    {
        secret.ApiVersion = "v1";
        secret.Kind = ResourceKinds.Secret;
        return ResourceJson.Deserialize<Secret>(KubernetesJson.Serialize(secret));
    }
}
