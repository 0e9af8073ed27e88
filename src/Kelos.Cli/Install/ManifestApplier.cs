using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Kelos.Cli.Install;

/// <summary>
/// Applies install manifests with server-side apply (field manager <c>kelos</c>, conflicts forced: these fields are
/// Kelos's to own), one object at a time, and says what happened to each: <c>created</c>, <c>configured</c> or
/// <c>unchanged</c> (the resourceVersion did not move). Secrets are created only when missing and never patched, so
/// re-installing keeps the values people put in them. Custom resources wait until their CRDs are established.
/// </summary>
public sealed class ManifestApplier(IKubernetes client, TimeProvider time)
{
    public const string FieldManager = "kelos";

    private static readonly TimeSpan EstablishTimeout = TimeSpan.FromSeconds(60);

    private readonly List<string> _crds = [];
    private bool _established;

    /// <summary>Applies <paramref name="obj"/>; returns what the install prints for it.</summary>
    public async Task<string> ApplyAsync(JsonObject obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var kind = InstallManifest.KindOf(obj);
        var name = (string)obj["metadata"]!["name"]!;
        var ns = (string?)obj["metadata"]!["namespace"];
        if (kind.Kind == "Secret")
        {
            return await CreateSecretAsync(obj, ns!, cancellationToken);
        }

        if (kind.IsKelos && !_established)
        {
            await WaitForCrdsAsync(cancellationToken);
        }

        var before = await ResourceVersionAsync(kind, ns, name, cancellationToken);
        var after = await PatchAsync(kind, ns, name, obj, cancellationToken);
        if (kind.Kind == "CustomResourceDefinition")
        {
            _crds.Add(name);
        }

        return before is null ? "created" : before == after ? "unchanged" : "configured";
    }

    private async Task<string> CreateSecretAsync(JsonObject obj, string ns, CancellationToken cancellationToken)
    {
        try
        {
            await client.CoreV1.CreateNamespacedSecretAsync(KubernetesJson.Deserialize<V1Secret>(obj.ToJsonString()), ns, fieldManager: FieldManager, cancellationToken: cancellationToken);
            return "created (a placeholder: put the real values in)";
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            return "unchanged (exists; kelos install never overwrites a Secret)";
        }
    }

    private async Task<string?> ResourceVersionAsync(InstallKind kind, string? ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            object stored = kind switch
            {
                { Group: "", Kind: "Namespace" } => await client.CoreV1.ReadNamespaceAsync(name, cancellationToken: cancellationToken),
                { Group: "", Kind: "ServiceAccount" } => await client.CoreV1.ReadNamespacedServiceAccountAsync(name, ns, cancellationToken: cancellationToken),
                { Group: "", Kind: "Service" } => await client.CoreV1.ReadNamespacedServiceAsync(name, ns, cancellationToken: cancellationToken),
                { Group: "", Kind: "ConfigMap" } => await client.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: cancellationToken),
                { Group: "" } => throw new CliException($"kelos install cannot apply core {kind.Kind} yet"),
                { Namespaced: true } => await client.CustomObjects.GetNamespacedCustomObjectAsync(kind.Group, kind.Version, ns, kind.Plural, name, cancellationToken),
                _ => await client.CustomObjects.GetClusterCustomObjectAsync(kind.Group, kind.Version, kind.Plural, name, cancellationToken),
            };
            return ResourceVersionOf(stored);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<string?> PatchAsync(InstallKind kind, string? ns, string name, JsonObject obj, CancellationToken cancellationToken)
    {
        var patch = new V1Patch(obj, V1Patch.PatchType.ApplyPatch);
        object result = kind switch
        {
            { Group: "", Kind: "Namespace" } => await client.CoreV1.PatchNamespaceAsync(patch, name, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            { Group: "", Kind: "ServiceAccount" } => await client.CoreV1.PatchNamespacedServiceAccountAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            { Group: "", Kind: "Service" } => await client.CoreV1.PatchNamespacedServiceAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            { Group: "", Kind: "ConfigMap" } => await client.CoreV1.PatchNamespacedConfigMapAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            { Group: "" } => throw new CliException($"kelos install cannot apply core {kind.Kind} yet"),
            { Namespaced: true } => await client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, kind.Group, kind.Version, ns, kind.Plural, name, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            _ => await client.CustomObjects.PatchClusterCustomObjectAsync(patch, kind.Group, kind.Version, kind.Plural, name, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
        };
        return ResourceVersionOf(result);
    }

    /// <summary>Waits until every CRD applied so far is <c>Established</c>: before that, its kind is not served.</summary>
    private async Task WaitForCrdsAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + EstablishTimeout;
        foreach (var crd in _crds)
        {
            while (true)
            {
                var stored = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd, cancellationToken: cancellationToken);
                if (stored.Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true)
                {
                    break;
                }

                if (time.GetUtcNow() > deadline)
                {
                    throw new CliException($"customresourcedefinition/{crd} is not established after {EstablishTimeout.TotalSeconds:0} s; see kubectl describe crd {crd}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
            }
        }

        _established = true;
    }

    /// <summary>A typed object's resourceVersion, or a generic one's (a JSON element from the custom-objects API).</summary>
    private static string? ResourceVersionOf(object obj) => obj is IMetadata<V1ObjectMeta> typed
        ? typed.Metadata?.ResourceVersion
        : JsonNode.Parse(JsonSerializer.Serialize(obj))?["metadata"]?["resourceVersion"]?.GetValue<string>();
}
