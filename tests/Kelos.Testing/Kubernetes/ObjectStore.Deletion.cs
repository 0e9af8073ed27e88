using System.Text.Json.Nodes;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// Deletion with finalizers and garbage collection. An object with finalizers gets <c>deletionTimestamp</c> and stays
/// until they are all removed; the GC's own finalizers (<c>orphan</c>, <c>foregroundDeletion</c>) are handled here at
/// once. When an object goes, its dependents go too (or lose the owner reference, if other owners remain).
/// </summary>
internal sealed partial class ObjectStore
{
    public const string OrphanFinalizer = "orphan";
    public const string ForegroundFinalizer = "foregroundDeletion";

    /// <summary>The policy a delete without one gets: Orphan for Jobs (as <c>batch/v1</c> has always done), else Background.</summary>
    public static DeletionPolicy DefaultPolicy(ResourceType type) =>
        type == ResourceTypes.Jobs ? DeletionPolicy.Orphan : DeletionPolicy.Background;

    /// <summary>
    /// Deletes an object, or marks it for deletion while finalizers remain. Returns the object's last state and whether
    /// it is gone. Preconditions on uid or resourceVersion that do not hold are a 409.
    /// </summary>
    public (JsonObject Object, bool Removed) Delete(ObjectKey key, DeletionPolicy policy, string? uidPrecondition = null, string? versionPrecondition = null)
    {
        var old = Require(key);
        if (uidPrecondition is not null && uidPrecondition != old.Uid())
        {
            throw KubernetesStatus.PreconditionFailed(key.Type, key.Name, $"UID in precondition: {uidPrecondition}, UID in object meta: {old.Uid()}");
        }

        if (versionPrecondition is not null && versionPrecondition != old.Metadata().Str("resourceVersion"))
        {
            throw KubernetesStatus.PreconditionFailed(key.Type, key.Name, $"ResourceVersion in precondition: {versionPrecondition}, ResourceVersion in object meta: {old.Metadata().Str("resourceVersion")}");
        }

        if (old.IsDeleting())
        {
            return (old.DeepClone().AsObject(), false);
        }

        var finalizers = old.Finalizers();
        if (policy == DeletionPolicy.Orphan && !finalizers.Contains(OrphanFinalizer))
        {
            finalizers.Add(OrphanFinalizer);
        }
        else if (policy == DeletionPolicy.Foreground && !finalizers.Contains(ForegroundFinalizer))
        {
            finalizers.Add(ForegroundFinalizer);
        }

        if (finalizers.Count == 0)
        {
            return (Remove(key, old).DeepClone().AsObject(), true);
        }

        var marked = old.DeepClone().AsObject();
        marked.SetFinalizers(finalizers);
        marked.Metadata()["deletionTimestamp"] = KubeJson.Time(Now);
        marked.Metadata()["deletionGracePeriodSeconds"] = 0;
        var committed = Commit(WatchEvent.Modified, key, marked, old).DeepClone().AsObject();
        TryFinishDeletion(key);
        return (Find(key)?.DeepClone().AsObject() ?? committed, Find(key) is null);
    }

    /// <summary>Removes an object being deleted once only the garbage collector's finalizers are left.</summary>
    private void TryFinishDeletion(ObjectKey key)
    {
        var obj = Find(key);
        if (obj is null || !obj.IsDeleting())
        {
            return;
        }

        var finalizers = obj.Finalizers();
        if (finalizers.Any(f => f is not OrphanFinalizer and not ForegroundFinalizer))
        {
            return;
        }

        var uid = obj.Uid() ?? "";
        foreach (var (dependentKey, _) in Dependents(key.Namespace, uid))
        {
            if (Find(dependentKey) is not { } dependent)
            {
                continue;
            }

            if (finalizers.Contains(OrphanFinalizer))
            {
                DropOwner(dependentKey, dependent, uid);
            }
            else
            {
                Delete(dependentKey, DeletionPolicy.Background);
            }
        }

        Remove(key, obj);
    }

    /// <summary>Removes the object (DELETED event), then collects what it owned.</summary>
    private JsonObject Remove(ObjectKey key, JsonObject obj)
    {
        var removed = Commit(WatchEvent.Deleted, key, obj.DeepClone().AsObject(), obj);
        var uid = obj.Uid() ?? "";
        foreach (var (dependentKey, _) in Dependents(key.Namespace, uid))
        {
            if (Find(dependentKey) is not { } dependent)
            {
                continue;
            }

            var otherOwners = dependent.OwnerReferences().Any(r => r.Str("uid") != uid && ExistsWithUid(key.Namespace, r.Str("uid") ?? ""));
            if (otherOwners)
            {
                DropOwner(dependentKey, dependent, uid);
            }
            else
            {
                Delete(dependentKey, DeletionPolicy.Background);
            }
        }

        return removed;
    }

    private void DropOwner(ObjectKey key, JsonObject dependent, string ownerUid)
    {
        var next = dependent.DeepClone().AsObject();
        var remaining = next.OwnerReferences().Where(r => r.Str("uid") != ownerUid).Select(r => (JsonNode)r.DeepClone()).ToArray();
        if (remaining.Length == 0)
        {
            next.Metadata().Remove("ownerReferences");
        }
        else
        {
            next.Metadata()["ownerReferences"] = new JsonArray(remaining);
        }

        Commit(WatchEvent.Modified, key, next, dependent);
    }
}
