using System.Globalization;
using System.Text;

namespace Kelos.Agents.Config;

/// <summary>The little TOML that Codex's config.toml needs: quoted strings, keys, arrays and inline tables.</summary>
internal static class TomlText
{
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var character in value)
        {
            switch (character)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case < ' ' or '\u007f':
                    builder.Append("\\u").Append(((int)character).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(character);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A bare key when TOML allows one, a quoted key otherwise.</summary>
    public static string Key(string key) =>
        key.Length > 0 && key.All(character => char.IsAsciiLetterOrDigit(character) || character is '_' or '-')
            ? key
            : Quote(key);

    public static string Array(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Quote)) + "]";

    public static string InlineTable(IReadOnlyDictionary<string, string> values) =>
        values.Count == 0
            ? "{}"
            : "{ " + string.Join(", ", values.Select(entry => $"{Key(entry.Key)} = {Quote(entry.Value)}")) + " }";
}
