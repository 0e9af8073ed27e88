using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Kelos.Cli.Output;

/// <summary>JSON as YAML, for <c>-o yaml</c>: the same document, quoted where YAML would misread a string.</summary>
public static class YamlText
{
    public static string FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var stream = new YamlStream(new YamlDocument(Convert(document.RootElement)));
        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlNode Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new YamlMappingNode(element.EnumerateObject().Select(p =>
            new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(p.Name), Convert(p.Value)))),
        JsonValueKind.Array => new YamlSequenceNode(element.EnumerateArray().Select(Convert)),
        JsonValueKind.String => StringNode(element.GetString()!),
        JsonValueKind.Null => new YamlScalarNode("null"),
        _ => new YamlScalarNode(element.GetRawText()),
    };

    private static YamlScalarNode StringNode(string value)
    {
        var style = value.Contains('\n', StringComparison.Ordinal) ? YamlDotNet.Core.ScalarStyle.Literal
            : NeedsQuotes(value) ? YamlDotNet.Core.ScalarStyle.DoubleQuoted
            : YamlDotNet.Core.ScalarStyle.Plain;
        return new YamlScalarNode(value) { Style = style };
    }

    private static bool NeedsQuotes(string value) =>
        value.Length == 0 || double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _)
        || value is "true" or "false" or "null" or "yes" or "no" or "~" or "on" or "off";
}
