using System.Text.Json.Nodes;
using Kelos.Core.Resources;

namespace Kelos.Core.Store;

/// <summary>
/// What <c>apply</c> changes on a resource that exists: labels, annotations and the spec (data for a Secret);
/// never the status or identity. A Task's spec is immutable, as upstream's.
/// </summary>
public static class ResourceSpecMerge
{
    /// <summary>The stored resource with the applied changes, or null when nothing would change.</summary>
    public static KelosResource? Merge(KelosResource stored, KelosResource applied)
    {
        var storedNode = JsonNode.Parse(ResourceJson.Serialize(stored))!.AsObject();
        var appliedNode = JsonNode.Parse(ResourceJson.Serialize(applied))!.AsObject();
        var specKeys = stored.Kind == ResourceKinds.Secret ? new[] { "data", "type", "immutable" } : ["spec"];

        if (stored.Kind == ResourceKinds.Task && !JsonNode.DeepEquals(storedNode["spec"], appliedNode["spec"]))
        {
            throw new ResourceConflictException(
                $"Task \"{stored.Name}\" exists and a Task's spec cannot change; delete it first (kelos delete task {stored.Name}) or use another name");
        }

        var changed = false;
        foreach (var key in specKeys)
        {
            changed |= Replace(storedNode, key, appliedNode[key]);
        }

        var storedMeta = storedNode["metadata"]!.AsObject();
        var appliedMeta = appliedNode["metadata"]!.AsObject();
        changed |= Replace(storedMeta, "labels", appliedMeta["labels"]);
        changed |= Replace(storedMeta, "annotations", KeepKelosAnnotations(storedMeta["annotations"], appliedMeta["annotations"]));
        if (!changed)
        {
            return null;
        }

        if (storedMeta["generation"] is JsonValue generation)
        {
            storedMeta["generation"] = generation.GetValue<long>() + 1;
        }

        return ResourceJson.Deserialize(storedNode.ToJsonString());
    }

    /// <summary>The applied annotations, plus Kelos's own (a pending cancel, say) that the file cannot know of.</summary>
    private static JsonObject? KeepKelosAnnotations(JsonNode? stored, JsonNode? applied)
    {
        var merged = applied?.DeepClone().AsObject() ?? [];
        foreach (var (key, value) in stored?.AsObject() ?? [])
        {
            if (key.StartsWith(ResourceKinds.Group + "/", StringComparison.Ordinal) && !merged.ContainsKey(key))
            {
                merged[key] = value?.DeepClone();
            }
        }

        return merged.Count == 0 ? null : merged;
    }

    private static bool Replace(JsonObject target, string key, JsonNode? value)
    {
        if (JsonNode.DeepEquals(target[key], value))
        {
            return false;
        }

        target[key] = value?.DeepClone();
        return true;
    }
}
