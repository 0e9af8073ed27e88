using System.Numerics;
using Kelos.Core.Loading.Rules;
using Kelos.Core.Loading.Source;
using Kelos.Core.Loading.Yaml;
using YamlDotNet.RepresentationModel;

namespace Kelos.Core.Loading.Schema;

/// <summary>
/// Checks a YAML node tree against a C# type: unknown fields, wrong types, missing required fields, values outside
/// [AllowedValues] or [Range]. Records where every field was written, and which nodes were rejected so that binding
/// can leave them out.
/// </summary>
internal sealed class SchemaValidator(ParsedDocument document, DocumentIssues issues)
{
    private const int MaxListedFields = 12;

    private readonly HashSet<YamlNode> rejected = new(ReferenceEqualityComparer.Instance);

    /// <summary>Nodes that failed the check; binding leaves them (and lists or maps holding them) out.</summary>
    public IReadOnlySet<YamlNode> Rejected => rejected;

    /// <summary>Checks a document's root mapping; <paramref name="skip"/> names root fields checked elsewhere.</summary>
    public void ValidateRoot(YamlMappingNode root, TypeShape shape, IReadOnlySet<string> skip)
    {
        var position = document.PositionOf(root);
        issues.Map.Add("", position, position);
        ValidateObject(root, shape, "", position, skip);
    }

    private void Validate(YamlNode node, TypeShape shape, string path, PropertyShape? property)
    {
        switch (shape.Kind)
        {
            case ShapeKind.Any:
                return;
            case ShapeKind.Object when node is YamlMappingNode mapping:
                ValidateObject(mapping, shape, path, issues.Map.KeyAt(path), new HashSet<string>());
                return;
            case ShapeKind.Map when node is YamlMappingNode mapping:
                ValidateMap(mapping, shape, path);
                return;
            case ShapeKind.List when node is YamlSequenceNode sequence:
                ValidateList(sequence, shape, path);
                return;
            case ShapeKind.Object or ShapeKind.Map or ShapeKind.List:
                Reject(node, path, $"expected {Expected(shape.Kind)}, got {Actual(node)}");
                return;
        }

        if (node is not YamlScalarNode scalar)
        {
            Reject(node, path, $"expected {Expected(shape.Kind)}, got {Actual(node)}");
            return;
        }

        var problem = ScalarChecks.Check(scalar, shape) ?? (property is null ? null : ScalarChecks.CheckRules(scalar, property));
        if (problem is not null)
        {
            Reject(node, path, problem);
        }
    }

    private void ValidateObject(YamlMappingNode mapping, TypeShape shape, string path, SourcePosition ownerKey, IReadOnlySet<string> skip)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Reject(keyNode, path, $"field names must be strings, got {Actual(keyNode)}");
                continue;
            }

            var childPath = FieldPath.Child(path, key);
            issues.Map.Add(childPath, document.PositionOf(keyNode), document.PositionOf(value));
            if (skip.Contains(key))
            {
                present.Add(key);
                continue;
            }

            if (!shape.Properties.TryGetValue(key, out var property))
            {
                ReportUnknown(keyNode, value, key, childPath, shape);
                continue;
            }

            if (IsNull(value))
            {
                continue;
            }

            present.Add(key);
            if (property.Required && property.Shape.Kind == ShapeKind.String && value is YamlScalarNode { Value: "" })
            {
                Reject(value, childPath, $"\"{key}\" must not be empty");
                continue;
            }

            Validate(value, property.Shape, childPath, property);
        }

        foreach (var property in shape.Properties.Values.Where(p => p.Required && !present.Contains(p.JsonName)))
        {
            issues.SchemaError(ownerKey, FieldPath.Child(path, property.JsonName), $"missing required field \"{property.JsonName}\"");
        }
    }

    private void ValidateMap(YamlMappingNode mapping, TypeShape shape, string path)
    {
        var element = shape.Element;
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Reject(mapping, path, $"keys must be strings, got {Actual(keyNode)}");
                continue;
            }

            var childPath = FieldPath.Child(path, key);
            issues.Map.Add(childPath, document.PositionOf(keyNode), document.PositionOf(value));
            if (element.Kind == ShapeKind.String)
            {
                // Map values (labels, env, headers) take any scalar as its text, but not a list, map or null.
                if (value is not YamlScalarNode scalar || YamlScalars.KindOf(scalar) == ScalarKind.Null)
                {
                    Reject(value, childPath, $"expected string, got {Actual(value)}");
                }

                continue;
            }

            ValidateItem(value, element, childPath);
        }
    }

    private void ValidateList(YamlSequenceNode sequence, TypeShape shape, string path)
    {
        var index = 0;
        foreach (var item in sequence.Children)
        {
            var itemPath = FieldPath.Item(path, index++);
            var position = document.PositionOf(item);
            issues.Map.Add(itemPath, position, position);
            ValidateItem(item, shape.Element, itemPath);
        }
    }

    private void ValidateItem(YamlNode node, TypeShape shape, string path)
    {
        if (IsNull(node) && shape.Kind != ShapeKind.Any)
        {
            Reject(node, path, $"expected {Expected(shape.Kind)}, got null");
            return;
        }

        Validate(node, shape, path, null);
    }

    private void ReportUnknown(YamlNode keyNode, YamlNode value, string key, string path, TypeShape shape)
    {
        rejected.Add(value);
        var known = shape.Properties.Keys;
        var suggestion = NearestName.Find(key, known);
        var message = suggestion is not null
            ? $"unknown field \"{key}\"; did you mean \"{suggestion}\"?"
            : shape.Properties.Count <= MaxListedFields
                ? $"unknown field \"{key}\" (known fields: {string.Join(", ", known)})"
                : $"unknown field \"{key}\"";
        issues.SchemaError(document.PositionOf(keyNode), path, message);
    }

    private void Reject(YamlNode node, string path, string message)
    {
        rejected.Add(node);
        issues.SchemaError(document.PositionOf(node), path, message);
    }

    private static bool IsNull(YamlNode node) => node is YamlScalarNode scalar && YamlScalars.KindOf(scalar) == ScalarKind.Null;

    internal static string Actual(YamlNode node) => node switch
    {
        YamlMappingNode => "map",
        YamlSequenceNode => "list",
        YamlScalarNode scalar => YamlScalars.Describe(YamlScalars.KindOf(scalar)),
        _ => "an alias",
    };

    internal static string Expected(ShapeKind kind) => kind switch
    {
        ShapeKind.String => "string",
        ShapeKind.Integer => "integer",
        ShapeKind.Number => "number",
        ShapeKind.Boolean => "boolean",
        ShapeKind.Quantity => "quantity (a string like 500m or 1Gi, or a number)",
        ShapeKind.IntOrString => "integer or string",
        ShapeKind.Timestamp => "timestamp string",
        ShapeKind.Bytes => "base64 string",
        ShapeKind.List => "list",
        _ => "map",
    };
}
