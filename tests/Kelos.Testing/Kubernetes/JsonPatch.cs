using System.Globalization;
using System.Text.Json.Nodes;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// JSON patch (RFC 6902): <c>add</c>, <c>remove</c>, <c>replace</c>, <c>move</c>, <c>copy</c> and <c>test</c> on JSON
/// pointers. A failing operation throws <see cref="JsonPatchException"/>; the server answers 422.
/// </summary>
internal static class JsonPatch
{
    public static JsonObject Apply(JsonObject target, JsonArray operations)
    {
        JsonNode document = target.DeepClone();
        foreach (var operation in operations)
        {
            var op = operation.Str("op") ?? throw new JsonPatchException("missing op");
            var path = operation.Str("path") ?? throw new JsonPatchException($"missing path in {op}");
            switch (op)
            {
                case "add":
                    document = Add(document, path, Value(operation));
                    break;
                case "remove":
                    Remove(document, path);
                    break;
                case "replace":
                    Remove(document, path);
                    document = Add(document, path, Value(operation));
                    break;
                case "move":
                    var moved = Get(document, From(operation));
                    Remove(document, From(operation));
                    document = Add(document, path, moved);
                    break;
                case "copy":
                    document = Add(document, path, Get(document, From(operation))?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(document, path), Value(operation)))
                    {
                        throw new JsonPatchException($"testing value {path} failed");
                    }

                    break;
                default:
                    throw new JsonPatchException($"Unexpected kind: {op}");
            }
        }

        return document as JsonObject ?? throw new JsonPatchException("the patch replaced the whole object with a non-object");
    }

    private static JsonNode? Value(JsonNode? operation) =>
        operation is JsonObject o && o.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw new JsonPatchException("missing value");

    private static string From(JsonNode? operation) => operation.Str("from") ?? throw new JsonPatchException("missing from");

    private static string[] Tokens(string pointer) =>
        pointer.Length == 0 ? [] : [.. pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    private static JsonNode? Get(JsonNode document, string pointer)
    {
        JsonNode? node = document;
        foreach (var token in Tokens(pointer))
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(token, out var child) => child,
                JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => throw new JsonPatchException($"path not found: {pointer}"),
            };
        }

        return node;
    }

    private static (JsonNode Parent, string Last) Parent(JsonNode document, string pointer)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0)
        {
            throw new JsonPatchException("the root cannot be a parent");
        }

        var parentPointer = pointer[..pointer.LastIndexOf('/')];
        return (Get(document, parentPointer) ?? throw new JsonPatchException($"path not found: {pointer}"), tokens[^1]);
    }

    private static JsonNode Add(JsonNode document, string pointer, JsonNode? value)
    {
        if (pointer.Length == 0)
        {
            return value ?? throw new JsonPatchException("cannot replace the root with null");
        }

        var (parent, last) = Parent(document, pointer);
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw new JsonPatchException($"add operation does not apply: doc is missing path: {pointer}");
        }

        return document;
    }

    private static void Remove(JsonNode document, string pointer)
    {
        var (parent, last) = Parent(document, pointer);
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(last):
                o.Remove(last);
                break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count:
                a.RemoveAt(i);
                break;
            default:
                throw new JsonPatchException($"unable to remove nonexistent key: {last}: missing value");
        }
    }
}
