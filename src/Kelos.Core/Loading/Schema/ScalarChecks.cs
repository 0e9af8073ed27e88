using System.Globalization;
using System.Numerics;
using k8s.Models;
using Kelos.Core.Loading.Yaml;
using YamlDotNet.RepresentationModel;

namespace Kelos.Core.Loading.Schema;

/// <summary>Checks one scalar against a scalar shape and against the [AllowedValues] and [Range] of its field.</summary>
internal static class ScalarChecks
{
    /// <summary>Null when the scalar fits the shape, else the problem.</summary>
    public static string? Check(YamlScalarNode scalar, TypeShape shape)
    {
        var kind = YamlScalars.KindOf(scalar);
        var text = scalar.Value ?? "";
        var mismatch = $"expected {SchemaValidator.Expected(shape.Kind)}, got {YamlScalars.Describe(kind)}";
        return shape.Kind switch
        {
            ShapeKind.String or ShapeKind.Timestamp when kind != ScalarKind.String =>
                kind == ScalarKind.Null ? mismatch : $"{mismatch} (put the value in quotes: \"{text}\")",
            ShapeKind.Timestamp when !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) =>
                $"\"{text}\" is not a timestamp (write it as RFC 3339, e.g. 2025-01-31T12:00:00Z)",
            ShapeKind.Boolean when kind != ScalarKind.Boolean => mismatch,
            ShapeKind.Integer when kind != ScalarKind.Integer => mismatch,
            ShapeKind.Integer => CheckIntegerRange(YamlScalars.ParseInteger(text), shape),
            ShapeKind.Number when kind is not (ScalarKind.Integer or ScalarKind.Float) => mismatch,
            ShapeKind.IntOrString when kind is not (ScalarKind.Integer or ScalarKind.String) => mismatch,
            ShapeKind.Quantity when kind is not (ScalarKind.Integer or ScalarKind.Float or ScalarKind.String) => mismatch,
            ShapeKind.Quantity => CheckQuantity(text),
            ShapeKind.Bytes when kind != ScalarKind.String => mismatch,
            ShapeKind.Bytes when !IsBase64(text) => "value is not valid base64",
            _ => null,
        };
    }

    /// <summary>Null when the value satisfies the field's [AllowedValues] and [Range], else the problem.</summary>
    public static string? CheckRules(YamlScalarNode scalar, PropertyShape property)
    {
        var text = scalar.Value ?? "";
        if (property.AllowedValues is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
        {
            return $"unsupported value \"{text}\": must be one of {string.Join(", ", allowed)}";
        }

        if (property.Range is not { } range || YamlScalars.KindOf(scalar) is not (ScalarKind.Integer or ScalarKind.Float))
        {
            return null;
        }

        var value = YamlScalars.KindOf(scalar) == ScalarKind.Integer
            ? (decimal)YamlScalars.ParseInteger(text)
            : (decimal)YamlScalars.ParseFloat(text);
        var min = Convert.ToDecimal(range.Minimum, CultureInfo.InvariantCulture);
        var max = Convert.ToDecimal(range.Maximum, CultureInfo.InvariantCulture);
        if (value >= min && value <= max)
        {
            return null;
        }

        var bounds = max >= int.MaxValue ? $"must be at least {Format(min)}" : $"must be between {Format(min)} and {Format(max)}";
        return $"value {text} is out of range: {bounds}";
    }

    public static bool IsBase64(string text) => Convert.TryFromBase64String(text, new byte[text.Length], out _);

    private static string? CheckIntegerRange(BigInteger value, TypeShape shape)
    {
        var (min, max) = shape.IntegerRange();
        if (value < new BigInteger(min))
        {
            return $"value {value} is too small (at least {min})";
        }

        return value > new BigInteger(max) ? $"value {value} is too large (at most {max})" : null;
    }

    private static string? CheckQuantity(string text)
    {
        try
        {
            _ = new ResourceQuantity(text);
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            return $"\"{text}\" is not a quantity (e.g. 500m, 2, 1Gi)";
        }
    }

    private static string Format(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
