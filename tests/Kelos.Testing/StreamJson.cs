using System.Text.Json;

namespace Kelos.Testing;

/// <summary>Reads JSON-lines output of the agent CLIs.</summary>
public static class StreamJson
{
    /// <summary>Every stdout line that parses as a JSON object.</summary>
    public static IReadOnlyList<JsonElement> Objects(CommandResult process)
    {
        var objects = new List<JsonElement>();
        foreach (var line in process.OutputLines.Where(l => l.StartsWith('{')))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                objects.Add(document.RootElement.Clone());
            }
            catch (JsonException)
            {
                // Not every line that starts with a brace is JSON; skip the others.
            }
        }

        return objects;
    }

    /// <summary>The last object whose <c>type</c> is <paramref name="type"/>, or null.</summary>
    public static JsonElement? LastOfType(CommandResult process, string type) =>
        Objects(process).LastOrDefault(o => Type(o) == type) is { ValueKind: JsonValueKind.Object } found ? found : null;

    /// <summary>The <c>type</c> field of an object, or null.</summary>
    public static string? Type(JsonElement element) =>
        element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
}
