using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kelos.Testing.Kubernetes;

/// <summary>Small helpers for objects held as JSON: metadata access, RFC 3339 times, deep comparison.</summary>
internal static class KubeJson
{
    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Metadata(this JsonObject obj)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            obj["metadata"] = metadata;
        }

        return metadata;
    }

    public static string? Str(this JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static long? Long(this JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

    public static string Name(this JsonObject obj) => obj.Metadata().Str("name") ?? "";

    public static string? Uid(this JsonObject obj) => obj.Metadata().Str("uid");

    public static long ResourceVersion(this JsonObject obj) =>
        long.TryParse(obj.Metadata().Str("resourceVersion"), NumberStyles.None, CultureInfo.InvariantCulture, out var rv) ? rv : 0;

    public static IReadOnlyDictionary<string, string> Labels(this JsonObject obj) =>
        obj.Metadata()["labels"] is JsonObject labels
            ? labels.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    public static List<string> Finalizers(this JsonObject obj) =>
        obj.Metadata()["finalizers"] is JsonArray array ? [.. array.Select(f => f?.ToString()).OfType<string>()] : [];

    public static void SetFinalizers(this JsonObject obj, IEnumerable<string> finalizers)
    {
        var list = finalizers.ToList();
        if (list.Count == 0)
        {
            obj.Metadata().Remove("finalizers");
        }
        else
        {
            obj.Metadata()["finalizers"] = new JsonArray([.. list.Select(f => (JsonNode)f)]);
        }
    }

    public static IEnumerable<JsonObject> OwnerReferences(this JsonObject obj) =>
        obj.Metadata()["ownerReferences"] is JsonArray refs ? refs.OfType<JsonObject>() : [];

    public static bool IsDeleting(this JsonObject obj) => obj.Metadata()["deletionTimestamp"] is not null;

    /// <summary>The object without the named top-level members, for "did anything else change" comparisons.</summary>
    public static JsonObject Without(this JsonObject obj, params string[] names)
    {
        var copy = obj.DeepClone().AsObject();
        foreach (var name in names)
        {
            copy.Remove(name);
        }

        return copy;
    }

    public static bool Same(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);

    public static JsonObject Parse(string text) =>
        JsonNode.Parse(text) as JsonObject ?? throw new JsonException("Expected a JSON object.");
}
