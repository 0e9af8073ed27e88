using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kelos.Testing;

/// <summary>Lenient readers for request JSON: a missing or differently typed field reads as null or empty.</summary>
internal static class JsonNodeExtensions
{
    /// <summary>The request body as a JSON object, or null when it is not one.</summary>
    public static async Task<JsonObject?> ReadJsonObjectAsync(this HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? StringOf(this JsonNode? node, string property) =>
        node is JsonObject obj && obj[property] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    public static IEnumerable<JsonNode> ItemsOf(this JsonNode? node, string property) =>
        node is JsonObject obj && obj[property] is JsonArray array ? array.OfType<JsonNode>() : [];

    public static bool IsTrue(this JsonNode? node, string property) =>
        node is JsonObject obj && obj[property] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    /// <summary>The text of a string node, or of the <c>text</c> fields of an array of content parts.</summary>
    public static string TextOf(this JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonArray parts => string.Join("\n", parts.Select(part => part.StringOf("text")).OfType<string>()),
        null => string.Empty,
        _ => node.ToJsonString(),
    };
}
