using System.Text.Json.Nodes;

namespace Kelos.Testing.Kubernetes;

/// <summary>Create, replace and patch, with the API server's metadata rules.</summary>
internal sealed partial class ObjectStore
{
    private const string NameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>
    /// Creates an object: a name (or one made from <c>generateName</c>), a new uid, creationTimestamp, generation 1 and the
    /// next resourceVersion. Status is dropped where the type has a status subresource.
    /// </summary>
    public JsonObject Create(ResourceType type, string ns, JsonObject body)
    {
        ns = type.Namespaced ? ns : "";
        var obj = body.DeepClone().AsObject();
        CheckTypeAndNamespace(type, ns, obj);
        var metadata = obj.Metadata();
        var name = metadata.Str("name") ?? "";
        if (name.Length == 0 && metadata.Str("generateName") is { Length: > 0 } prefix)
        {
            do
            {
                name = prefix + string.Concat(Enumerable.Range(0, 5).Select(_ => NameAlphabet[Random.Shared.Next(NameAlphabet.Length)]));
            }
            while (_objects.ContainsKey(new ObjectKey(type, ns, name)));
        }

        metadata["name"] = name;
        SetNamespace(type, metadata, ns);
        ObjectValidation.CheckMetadata(type, obj);
        var key = new ObjectKey(type, ns, name);
        if (_objects.ContainsKey(key))
        {
            throw KubernetesStatus.AlreadyExists(type, name);
        }

        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = KubeJson.Time(Now);
        foreach (var serverOwned in new[] { "resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink", "generation" })
        {
            metadata.Remove(serverOwned);
        }

        if (type.HasGeneration)
        {
            metadata["generation"] = 1;
        }

        if (type.HasStatus)
        {
            obj.Remove("status");
        }

        ObjectRules.OnCreate(type, obj, Now);
        return Commit(WatchEvent.Added, key, obj, null).DeepClone().AsObject();
    }

    /// <summary>
    /// Replaces an object (PUT). A non-empty <c>metadata.resourceVersion</c> other than the stored one is a 409 Conflict.
    /// On the main resource the stored status is kept; on <c>/status</c> only the status changes. An update that changes
    /// nothing commits nothing (no new resourceVersion, no event), as on a real server.
    /// </summary>
    public JsonObject Update(ObjectKey key, JsonObject body, bool statusOnly)
    {
        var old = Require(key);
        var candidate = body.DeepClone().AsObject();
        var metadata = candidate.Metadata();
        if (metadata.Str("name") is { } name && name != key.Name)
        {
            throw KubernetesStatus.BadRequest($"the name of the object ({name}) does not match the name on the URL ({key.Name})");
        }

        CheckTypeAndNamespace(key.Type, key.Namespace, candidate);
        if (metadata.Str("resourceVersion") is { Length: > 0 } version && version != old.Metadata().Str("resourceVersion"))
        {
            throw KubernetesStatus.Conflict(key.Type, key.Name);
        }

        var next = statusOnly ? WithStatusFrom(old, candidate) : WithServerFieldsFrom(old, candidate, key);
        next.Metadata()["resourceVersion"] = old.Metadata().Str("resourceVersion");
        if (KubeJson.Same(next, old))
        {
            return old.DeepClone().AsObject();
        }

        var committed = Commit(WatchEvent.Modified, key, next, old).DeepClone().AsObject();
        if (next.IsDeleting())
        {
            TryFinishDeletion(key);
        }

        return committed;
    }

    /// <summary>
    /// Patches an object: JSON patch, merge patch, strategic merge patch (treated as a merge patch) or server-side apply
    /// (a merge patch that creates a missing object). A resourceVersion in the patch is a precondition, as in
    /// <see cref="Update"/>.
    /// </summary>
    public JsonObject Patch(ObjectKey key, PatchKind kind, JsonNode patch, bool statusOnly)
    {
        var old = Find(key);
        if (old is null)
        {
            if (kind == PatchKind.Apply && !statusOnly && patch is JsonObject applied)
            {
                var created = applied.DeepClone().AsObject();
                created.Metadata()["name"] = key.Name;
                return Create(key.Type, key.Namespace, created);
            }

            throw KubernetesStatus.NotFound(key.Type, key.Name);
        }

        JsonObject candidate;
        try
        {
            candidate = kind == PatchKind.Json
                ? JsonPatch.Apply(old, patch as JsonArray ?? throw new JsonPatchException("a JSON patch must be an array of operations"))
                : MergePatch.Apply(old, patch as JsonObject ?? throw KubernetesStatus.BadRequest("a merge patch must be a JSON object")) as JsonObject
                    ?? throw new JsonPatchException("the patch did not produce an object");
        }
        catch (JsonPatchException e)
        {
            throw new StatusException(KubernetesStatus.Failure(422, "Invalid", $"the server rejected our request due to an error in our request: {e.Message}"));
        }

        return Update(key, candidate, statusOnly);
    }

    private static JsonObject WithStatusFrom(JsonObject old, JsonObject candidate)
    {
        var next = old.DeepClone().AsObject();
        if (candidate["status"] is { } status)
        {
            next["status"] = status.DeepClone();
        }
        else
        {
            next.Remove("status");
        }

        return next;
    }

    private static JsonObject WithServerFieldsFrom(JsonObject old, JsonObject candidate, ObjectKey key)
    {
        var next = candidate;
        next["apiVersion"] = key.Type.ApiVersion;
        next["kind"] = key.Type.Kind;
        var metadata = next.Metadata();
        var oldMetadata = old.Metadata();
        metadata["name"] = key.Name;
        SetNamespace(key.Type, metadata, key.Namespace);
        foreach (var serverOwned in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation" })
        {
            metadata.Remove(serverOwned);
            if (oldMetadata[serverOwned] is { } value)
            {
                metadata[serverOwned] = value.DeepClone();
            }
        }

        if (key.Type.HasStatus)
        {
            next.Remove("status");
            if (old["status"] is { } status)
            {
                next["status"] = status.DeepClone();
            }
        }

        if (old.IsDeleting())
        {
            var added = next.Finalizers().Except(old.Finalizers(), StringComparer.Ordinal).ToList();
            if (added.Count > 0)
            {
                throw KubernetesStatus.Invalid(
                    key.Type, key.Name, "metadata.finalizers",
                    $"Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{{\"{string.Join("\", \"", added)}\"}}",
                    "FieldValueForbidden");
            }
        }

        ObjectValidation.CheckMetadata(key.Type, next);
        ObjectRules.OnUpdate(key.Type, old, next);
        if (key.Type.HasGeneration && !KubeJson.Same(old.Without("metadata", "status"), next.Without("metadata", "status")))
        {
            metadata["generation"] = (old.Metadata().Long("generation") ?? 1) + 1;
        }

        return next;
    }

    private static void SetNamespace(ResourceType type, JsonObject metadata, string ns)
    {
        if (type.Namespaced)
        {
            metadata["namespace"] = ns;
        }
        else
        {
            metadata.Remove("namespace");
        }
    }

    private static void CheckTypeAndNamespace(ResourceType type, string ns, JsonObject obj)
    {
        if (obj.Str("apiVersion") is { } apiVersion && apiVersion != type.ApiVersion)
        {
            throw KubernetesStatus.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion})");
        }

        if (obj.Str("kind") is { } kind && kind != type.Kind)
        {
            throw KubernetesStatus.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})");
        }

        if (!type.Namespaced)
        {
            // The server clears a namespace given for a cluster-scoped object.
            obj.Metadata().Remove("namespace");
        }
        else if (obj.Metadata().Str("namespace") is { Length: > 0 } given && given != ns)
        {
            throw KubernetesStatus.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
    }
}
