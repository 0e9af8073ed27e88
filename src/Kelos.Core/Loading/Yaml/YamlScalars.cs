using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kelos.Core.Loading.Yaml;

/// <summary>
/// Resolves scalars by the YAML 1.2 core schema: quoted and block scalars are strings; plain ones are null, booleans
/// (true/false only, not yes/no), integers (decimal, 0o octal, 0x hex), floats, or else strings. Explicit tags
/// (<c>!!str</c>, <c>!!int</c>, …) win.
/// </summary>
internal static partial class YamlScalars
{
    public static ScalarKind KindOf(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        var tagged = KindOfTag(scalar.Tag.IsEmpty ? "" : scalar.Tag.Value);
        if (tagged == ScalarKind.String || (tagged is null && scalar.Style != ScalarStyle.Plain))
        {
            return ScalarKind.String;
        }

        var resolved = ResolvePlain(text);

        // A tag other than !!str only holds when the text is of that kind (!!int abc stays a string).
        if (tagged == ScalarKind.Float && resolved == ScalarKind.Integer)
        {
            return ScalarKind.Float;
        }

        return tagged is null || tagged == resolved ? resolved : ScalarKind.String;
    }

    private static ScalarKind ResolvePlain(string text)
    {
        if (NullPattern().IsMatch(text))
        {
            return ScalarKind.Null;
        }

        if (BooleanPattern().IsMatch(text))
        {
            return ScalarKind.Boolean;
        }

        if (IntegerPattern().IsMatch(text))
        {
            return ScalarKind.Integer;
        }

        return FloatPattern().IsMatch(text) ? ScalarKind.Float : ScalarKind.String;
    }

    public static string Describe(ScalarKind kind) => kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Boolean => "boolean",
        ScalarKind.Integer => "integer",
        ScalarKind.Float => "float",
        _ => "string",
    };

    public static bool ParseBoolean(string text) => text.StartsWith('t') || text.StartsWith('T');

    /// <summary>The value of an integer scalar (decimal, <c>0o</c> octal or <c>0x</c> hex).</summary>
    public static BigInteger ParseInteger(string text)
    {
        if (text.StartsWith("0x", StringComparison.Ordinal))
        {
            return BigInteger.Parse("0" + text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        if (text.StartsWith("0o", StringComparison.Ordinal))
        {
            var value = BigInteger.Zero;
            foreach (var digit in text[2..])
            {
                value = (value * 8) + (digit - '0');
            }

            return value;
        }

        return BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    /// <summary>The value of a float scalar; infinities and NaN as <see cref="double"/> specials.</summary>
    public static double ParseFloat(string text)
    {
        var lower = text.ToLowerInvariant();
        return lower switch
        {
            ".inf" or "+.inf" => double.PositiveInfinity,
            "-.inf" => double.NegativeInfinity,
            ".nan" => double.NaN,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }

    private static ScalarKind? KindOfTag(string tag) => tag switch
    {
        "tag:yaml.org,2002:str" => ScalarKind.String,
        "tag:yaml.org,2002:int" => ScalarKind.Integer,
        "tag:yaml.org,2002:float" => ScalarKind.Float,
        "tag:yaml.org,2002:bool" => ScalarKind.Boolean,
        "tag:yaml.org,2002:null" => ScalarKind.Null,
        _ => null,
    };

    [GeneratedRegex("^(null|Null|NULL|~)?$")]
    private static partial Regex NullPattern();

    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex BooleanPattern();

    [GeneratedRegex("^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();
}
