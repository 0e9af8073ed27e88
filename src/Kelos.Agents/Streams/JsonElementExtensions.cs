using System.Text.Json;

namespace Kelos.Agents.Streams;

/// <summary>Tolerant reads of stream events: a missing or mistyped field is null, never an exception.</summary>
internal static class JsonElementExtensions
{
    public static JsonElement? Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static JsonElement? Object(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static string? String(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static bool? Boolean(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value
            ? value.GetBoolean()
            : null;

    public static long? Int64(this JsonElement element, string name)
    {
        if (element.Property(name) is not { ValueKind: JsonValueKind.Number } value)
        {
            return null;
        }

        if (value.TryGetInt64(out var whole))
        {
            return whole;
        }

        return value.TryGetDouble(out var real) ? (long)real : null;
    }

    public static decimal? Decimal(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetDecimal(out var number)
            ? number
            : null;

    public static IEnumerable<JsonElement> Array(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Array } value
            ? value.EnumerateArray()
            : [];

    /// <summary>The first of <paramref name="names"/> that is present as a number.</summary>
    public static long? FirstInt64(this JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            if (element.Int64(name) is { } value)
            {
                return value;
            }
        }

        return null;
    }
}
