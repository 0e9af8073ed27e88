using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s.Models;

namespace Kelos.Core.Tests.Crds;

/// <summary>
/// Builds the structural OpenAPI v3 schema of a resource type by reflection over the same C# types the loader binds
/// to: every <c>[JsonPropertyName]</c> property becomes a field with its type, <c>[Required]</c> a required field
/// (and a non-empty string, as the loader demands), <c>[AllowedValues]</c> an enum and <c>[Range]</c> bounds. Rules
/// the loader states in code rather than attributes come from <see cref="CrdFieldRules"/> (and, across one object's
/// fields, <see cref="CrdCelRules"/>). Kubernetes model types
/// (<c>podOverrides</c>, <c>podFailurePolicy</c>, conditions) get their upstream shapes, except those
/// <see cref="OpaqueKubernetesTypes"/> keeps free-form.
/// </summary>
internal sealed class CrdSchemaBuilder
{
    /// <summary>The pattern Kubernetes itself puts on a resource quantity (500m, 2, 1Gi).</summary>
    public const string QuantityPattern =
        @"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$";

    private readonly Stack<Type> building = new();

    /// <summary>
    /// Kubernetes types kept free-form (<c>x-kubernetes-preserve-unknown-fields</c>) rather than spelled out. A
    /// container or a volume is ~1,000 lines of schema each, and they appear eight and four times per CRD; spelled
    /// out they take the Task CRD to ~170 KB of JSON, close to the 256 KiB that client-side <c>kubectl apply</c>
    /// keeps in its last-applied annotation. The loader checks them field by field all the same, and Kubernetes
    /// checks them again when the Job is created. Every other Kubernetes type is spelled out.
    /// </summary>
    public static readonly IReadOnlyDictionary<Type, string> OpaqueKubernetesTypes = new Dictionary<Type, string>
    {
        [typeof(V1Container)] = "A core/v1 Container (kept free-form for size; Kubernetes checks it when the Job is created).",
        [typeof(V1Volume)] = "A core/v1 Volume (kept free-form for size; Kubernetes checks it when the Job is created).",
    };

    /// <summary>The schema of a whole resource: <c>apiVersion</c>, <c>kind</c>, <c>metadata</c>, then its own fields.</summary>
    public JsonObject Resource(Type resourceType)
    {
        var schema = ObjectSchema(resourceType, root: true);
        return schema;
    }

    private JsonObject For(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string) || t.IsEnum)
        {
            return new JsonObject { ["type"] = "string" };
        }

        if (t == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (t == typeof(int) || t == typeof(short) || t == typeof(byte))
        {
            return new JsonObject { ["type"] = "integer", ["format"] = "int32" };
        }

        if (t == typeof(long) || t == typeof(uint) || t == typeof(ulong))
        {
            return new JsonObject { ["type"] = "integer", ["format"] = "int64" };
        }

        if (t == typeof(double) || t == typeof(float) || t == typeof(decimal))
        {
            return new JsonObject { ["type"] = "number" };
        }

        if (t == typeof(DateTime) || t == typeof(DateTimeOffset))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "date-time" };
        }

        if (t == typeof(byte[]))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "byte" };
        }

        if (t == typeof(ResourceQuantity))
        {
            return new JsonObject
            {
                ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" }),
                ["pattern"] = QuantityPattern,
                ["x-kubernetes-int-or-string"] = true,
            };
        }

        if (t == typeof(IntOrString))
        {
            return new JsonObject
            {
                ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" }),
                ["x-kubernetes-int-or-string"] = true,
            };
        }

        if (t == typeof(JsonElement) || t == typeof(object))
        {
            // Any JSON value: kept as written.
            return new JsonObject { ["x-kubernetes-preserve-unknown-fields"] = true };
        }

        if (t == typeof(V1ObjectMeta))
        {
            // Kubernetes validates metadata itself; a CRD may not describe it.
            return new JsonObject { ["type"] = "object" };
        }

        if (OpaqueKubernetesTypes.TryGetValue(t, out var why))
        {
            return new JsonObject
            {
                ["description"] = why,
                ["type"] = "object",
                ["x-kubernetes-preserve-unknown-fields"] = true,
            };
        }

        if (DictionaryValueType(t) is { } value)
        {
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = For(value) };
        }

        if (ListItemType(t) is { } item)
        {
            return new JsonObject { ["type"] = "array", ["items"] = For(item) };
        }

        return ObjectSchema(t, root: false);
    }

    private JsonObject ObjectSchema(Type type, bool root)
    {
        if (building.Contains(type))
        {
            throw new InvalidOperationException(
                $"{type.Name} contains itself ({string.Join(" > ", building.Reverse().Select(b => b.Name))}): a CRD schema cannot be recursive");
        }

        building.Push(type);
        try
        {
            var properties = new JsonObject();
            var required = new List<string>();
            foreach (var (name, property) in Fields(type).OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                var schema = root && name == "metadata" ? new JsonObject { ["type"] = "object" } : For(property.PropertyType);
                ApplyAttributes(schema, property);
                CrdFieldRules.Apply(property.DeclaringType!, name, schema);
                properties[name] = schema;
                if (IsRequired(property, type, name) && !(root && name == "metadata"))
                {
                    required.Add(name);
                }
            }

            var result = new JsonObject { ["type"] = "object", ["properties"] = properties };
            if (required.Count > 0)
            {
                result["required"] = new JsonArray(required.Select(r => (JsonNode)r).ToArray());
            }

            if (CrdCelRules.For(type) is { } validations)
            {
                result["x-kubernetes-validations"] = validations;
            }

            return result;
        }
        finally
        {
            building.Pop();
        }
    }

    /// <summary>The JSON fields of a type, as System.Text.Json (and so the loader) sees them.</summary>
    public static IEnumerable<(string Name, PropertyInfo Property)> Fields(Type type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            var attribute = property.GetCustomAttribute<JsonPropertyNameAttribute>();
            if (attribute is null && !property.CanWrite)
            {
                continue;
            }

            var name = attribute?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (seen.Add(name))
            {
                yield return (name, property);
            }
        }
    }

    private static bool IsRequired(PropertyInfo property, Type owner, string name) =>
        property.GetCustomAttribute<RequiredAttribute>() is not null || KubernetesRequiredFields.Of(owner).Contains(name);

    private static void ApplyAttributes(JsonObject schema, PropertyInfo property)
    {
        if (property.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed)
        {
            schema["enum"] = new JsonArray(allowed.Values.Select(v => (JsonNode?)JsonValue.Create(v?.ToString())).ToArray());
        }

        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            var (typeMin, typeMax) = IntegerLimits(property.PropertyType);
            var min = Convert.ToDecimal(range.Minimum, CultureInfo.InvariantCulture);
            var max = Convert.ToDecimal(range.Maximum, CultureInfo.InvariantCulture);
            if (min > typeMin)
            {
                schema["minimum"] = (long)min;
            }

            if (max < typeMax)
            {
                schema["maximum"] = (long)max;
            }
        }

        if (property.GetCustomAttribute<RequiredAttribute>() is not null && schema["type"]?.GetValue<string>() == "string")
        {
            schema["minLength"] = 1;
        }
    }

    private static (decimal Min, decimal Max) IntegerLimits(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) => (int.MinValue, int.MaxValue),
        var t when t == typeof(long) => (long.MinValue, long.MaxValue),
        _ => (decimal.MinValue, decimal.MaxValue),
    };

    private static Type? DictionaryValueType(Type t)
    {
        var dictionary = t.IsGenericType && t.GetGenericTypeDefinition() is var d
            && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)) ? t : null;
        dictionary ??= t.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        if (dictionary is null)
        {
            return null;
        }

        var arguments = dictionary.GetGenericArguments();
        return arguments[0] == typeof(string)
            ? arguments[1]
            : throw new InvalidOperationException($"{t.Name}: map keys must be strings in a CRD");
    }

    private static Type? ListItemType(Type t)
    {
        if (t.IsArray)
        {
            return t.GetElementType();
        }

        var enumerable = t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? t
            : t.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }
}
