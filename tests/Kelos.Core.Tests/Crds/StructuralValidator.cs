using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kelos.Core.Tests.Crds;

/// <summary>
/// Checks a JSON tree against a CRD's structural schema the way the API server does for the keywords the Kelos CRDs
/// use: types, unknown fields (rejected, as <c>kubectl apply</c>'s strict field validation does), required fields,
/// enums, patterns, lengths, bounds and int-or-string. Returns one line per problem: <c>path: problem</c>.
/// </summary>
internal static class StructuralValidator
{
    public static IReadOnlyList<string> Validate(JsonNode? value, JsonObject schema, string path = "")
    {
        var problems = new List<string>();
        Check(value, schema, path, problems);
        return problems;
    }

    private static void Check(JsonNode? value, JsonObject schema, string path, List<string> problems)
    {
        var at = path.Length == 0 ? "<root>" : path;
        if (value is null)
        {
            if (schema["nullable"]?.GetValue<bool>() != true)
            {
                problems.Add($"{at}: null is not allowed");
            }

            return;
        }

        if (schema["x-kubernetes-int-or-string"]?.GetValue<bool>() == true)
        {
            if (Kind(value) is not ("integer" or "string"))
            {
                problems.Add($"{at}: expected integer or string, got {Kind(value)}");
            }

            CheckScalar(value, schema, at, problems);
            return;
        }

        var type = schema["type"]?.GetValue<string>();
        if (type is null)
        {
            return;
        }

        var kind = Kind(value);
        if (kind != type && !(type == "number" && kind == "integer"))
        {
            problems.Add($"{at}: expected {type}, got {kind}");
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                CheckObject(obj, schema, path, problems);
                break;
            case JsonArray array:
                CheckArray(array, schema, path, problems);
                break;
            default:
                CheckScalar(value, schema, at, problems);
                break;
        }
    }

    private static void CheckObject(JsonObject obj, JsonObject schema, string path, List<string> problems)
    {
        var at = path.Length == 0 ? "<root>" : path;
        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"] as JsonObject;
        var preserve = schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
        foreach (var (key, child) in obj)
        {
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (path.Length == 0 && key == "metadata")
            {
                // The API server checks metadata itself; a CRD schema says nothing about it.
                continue;
            }

            if (properties?[key] is JsonObject propertySchema)
            {
                Check(child, propertySchema, childPath, problems);
            }
            else if (additional is not null)
            {
                Check(child, additional, childPath, problems);
            }
            else if (!preserve)
            {
                problems.Add($"{childPath}: unknown field \"{key}\"");
            }
        }

        foreach (var name in (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()))
        {
            if (obj[name] is null)
            {
                problems.Add($"{at}: missing required field \"{name}\"");
            }
        }
    }

    private static void CheckArray(JsonArray array, JsonObject schema, string path, List<string> problems)
    {
        if (Long(schema["minItems"]) is { } min && array.Count < min)
        {
            problems.Add($"{path}: must have at least {min} items");
        }

        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], items, $"{path}[{i}]", problems);
            }
        }
    }

    private static void CheckScalar(JsonNode value, JsonObject schema, string at, List<string> problems)
    {
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            problems.Add($"{at}: unsupported value {value.ToJsonString()}: must be one of {allowed.ToJsonString()}");
        }

        if (value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            if (schema["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(text, pattern))
            {
                problems.Add($"{at}: \"{text}\" does not match {pattern}");
            }

            if (Long(schema["minLength"]) is { } minLength && text.Length < minLength)
            {
                problems.Add($"{at}: must be at least {minLength} characters");
            }

            if (Long(schema["maxLength"]) is { } maxLength && text.Length > maxLength)
            {
                problems.Add($"{at}: must be at most {maxLength} characters");
            }
        }

        if (value.GetValueKind() == JsonValueKind.Number)
        {
            var number = Long(value) ?? value.GetValue<double>();
            if (Long(schema["minimum"]) is { } minimum && number < minimum)
            {
                problems.Add($"{at}: must be at least {minimum}");
            }

            if (Long(schema["maximum"]) is { } maximum && number > maximum)
            {
                problems.Add($"{at}: must be at most {maximum}");
            }
        }
    }

    private static long? Long(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        _ => null,
    };

    private static string Kind(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => Long(value) is not null ? "integer" : "number",
        _ => "null",
    };
}
