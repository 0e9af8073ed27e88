using System.Text.Json.Nodes;

namespace Kelos.Testing;

/// <summary>
/// Builds a value that satisfies a simple JSON schema: the first enum value, "scripted" for strings, 50 for numbers,
/// false, empty arrays, and objects with every listed property. Gemini CLI asks for such JSON in side calls (model
/// routing, next-speaker checks) and retries with backoff when the answer does not parse.
/// </summary>
internal static class JsonSchemaSample
{
    public static JsonNode? For(JsonNode? schema)
    {
        if (schema?["enum"] is JsonArray { Count: > 0 } choices)
        {
            return choices[0]?.DeepClone();
        }

        return (schema.StringOf("type") ?? "object").ToUpperInvariant() switch
        {
            "STRING" => "scripted",
            "INTEGER" or "NUMBER" => 50,
            "BOOLEAN" => false,
            "ARRAY" => new JsonArray(),
            "NULL" => null,
            _ => Object(schema?["properties"] as JsonObject),
        };
    }

    private static JsonObject Object(JsonObject? properties)
    {
        var sample = new JsonObject();
        foreach (var (name, property) in properties ?? [])
        {
            sample[name] = For(property);
        }

        return sample;
    }
}
