using System.Text.Json;
using System.Text.Json.Nodes;
using Kelos.Core.Loading.Rules;
using Kelos.Core.Resources;

namespace Kelos.Core.Loading.Binding;

/// <summary>Deserializes the JSON of a checked document into its resource type with System.Text.Json.</summary>
internal static class ResourceBinder
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = false,
        AllowTrailingCommas = false,
    };

    /// <summary>The resource, or null (with an error reported) when the JSON does not bind.</summary>
    public static KelosResource? Bind(JsonNode json, Type type, DocumentIssues issues)
    {
        try
        {
            return (KelosResource?)json.Deserialize(type, Options);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException or OverflowException)
        {
            var path = e is JsonException { Path: { } jsonPath } ? ToFieldPath(jsonPath) : "";
            issues.SchemaError(issues.Map.ValueAt(path), path, $"cannot read the value: {e.Message}");
            return null;
        }
    }

    /// <summary><c>$.spec.env[2].name</c> → <c>spec.env[2].name</c>; <c>$['a/b']</c> → <c>["a/b"]</c>.</summary>
    private static string ToFieldPath(string jsonPath)
    {
        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        return path.Replace("['", "[\"", StringComparison.Ordinal).Replace("']", "\"]", StringComparison.Ordinal);
    }
}
