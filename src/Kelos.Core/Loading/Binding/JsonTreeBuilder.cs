using System.Text.Json.Nodes;
using Kelos.Core.Loading.Schema;
using Kelos.Core.Loading.Yaml;
using YamlDotNet.RepresentationModel;

namespace Kelos.Core.Loading.Binding;

/// <summary>
/// Turns a checked YAML node tree into JSON for System.Text.Json, guided by the target type: a field of a
/// map-of-strings gets the scalar's text, an untyped field (<see cref="System.Text.Json.JsonElement"/>) gets YAML 1.2
/// core types. Rejected nodes are left out, and so is a list or map holding one (no index shifts).
/// </summary>
internal sealed class JsonTreeBuilder(IReadOnlySet<YamlNode> rejected)
{
    public JsonNode? Build(YamlNode node, TypeShape shape)
    {
        if (rejected.Contains(node))
        {
            return null;
        }

        return shape.Kind switch
        {
            ShapeKind.Object when node is YamlMappingNode mapping => BuildObject(mapping, shape),
            ShapeKind.Map when node is YamlMappingNode mapping => BuildMap(mapping, shape.Element),
            ShapeKind.List when node is YamlSequenceNode sequence => BuildList(sequence, shape.Element),
            ShapeKind.Any => BuildUntyped(node),
            _ when node is YamlScalarNode scalar => BuildScalar(scalar, shape.Kind),
            _ => null,
        };
    }

    private JsonObject BuildObject(YamlMappingNode mapping, TypeShape shape)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || !shape.Properties.TryGetValue(name, out var property))
            {
                continue;
            }

            var json = Build(value, property.Shape);
            if (json is not null)
            {
                result[name] = json;
            }
        }

        return result;
    }

    private JsonObject? BuildMap(YamlMappingNode mapping, TypeShape element)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || Build(value, element) is not { } json)
            {
                return null;
            }

            result[name] = json;
        }

        return result;
    }

    private JsonArray? BuildList(YamlSequenceNode sequence, TypeShape element)
    {
        var result = new JsonArray();
        foreach (var item in sequence.Children)
        {
            var json = Build(item, element);
            if (json is null)
            {
                return null;
            }

            result.Add(json);
        }

        return result;
    }

    private static JsonValue? BuildScalar(YamlScalarNode scalar, ShapeKind target)
    {
        var kind = YamlScalars.KindOf(scalar);
        var text = scalar.Value ?? "";
        return target switch
        {
            _ when kind == ScalarKind.Null => null,
            ShapeKind.String or ShapeKind.Timestamp or ShapeKind.Bytes or ShapeKind.Quantity => JsonValue.Create(text),
            ShapeKind.IntOrString when kind == ScalarKind.Integer => JsonValue.Create((long)YamlScalars.ParseInteger(text)),
            ShapeKind.IntOrString => JsonValue.Create(text),
            _ => Typed(kind, text),
        };
    }

    /// <summary>A value of unknown type, by the YAML 1.2 core schema.</summary>
    private static JsonNode? BuildUntyped(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var result = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    result[key is YamlScalarNode { Value: { } name } ? name : key.ToString()] = BuildUntyped(value);
                }

                return result;
            case YamlSequenceNode sequence:
                return new JsonArray(sequence.Children.Select(BuildUntyped).ToArray());
            case YamlScalarNode scalar:
                return Typed(YamlScalars.KindOf(scalar), scalar.Value ?? "");
            default:
                return null;
        }
    }

    private static JsonValue? Typed(ScalarKind kind, string text)
    {
        switch (kind)
        {
            case ScalarKind.Null:
                return null;
            case ScalarKind.Boolean:
                return JsonValue.Create(YamlScalars.ParseBoolean(text));
            case ScalarKind.Integer:
                return JsonValue.Create((decimal)YamlScalars.ParseInteger(text));
            case ScalarKind.Float:
                var value = YamlScalars.ParseFloat(text);
                return double.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(text);
            default:
                return JsonValue.Create(text);
        }
    }
}
