namespace Kelos.Core.Loading.Source;

/// <summary>Builds and takes apart field paths like <c>spec.podOverrides.env[2].name</c> and <c>metadata.labels["a/b"]</c>.</summary>
internal static class FieldPath
{
    public static string Child(string parent, string name)
    {
        if (!IsPlain(name))
        {
            return $"{parent}[\"{name.Replace("\"", "\\\"", StringComparison.Ordinal)}\"]";
        }

        return parent.Length == 0 ? name : $"{parent}.{name}";
    }

    public static string Item(string parent, int index) => $"{parent}[{index}]";

    /// <summary>The enclosing path, or null for a top-level field.</summary>
    public static string? Parent(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        if (path[^1] == ']')
        {
            var open = OpeningBracket(path);
            return open < 0 ? null : path[..open];
        }

        var dot = path.LastIndexOf('.');
        var bracket = path.LastIndexOf(']');
        return dot > bracket ? path[..dot] : "";
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="other"/> or lies inside it or contains it.</summary>
    public static bool Overlaps(string path, string other) =>
        path == other || IsInside(path, other) || IsInside(other, path);

    private static bool IsInside(string path, string ancestor) =>
        ancestor.Length == 0 || (path.StartsWith(ancestor, StringComparison.Ordinal) && path.Length > ancestor.Length
            && path[ancestor.Length] is '.' or '[');

    private static int OpeningBracket(string path)
    {
        var inQuotes = false;
        for (var i = path.Length - 2; i >= 0; i--)
        {
            if (path[i] == '"' && (i == 0 || path[i - 1] != '\\'))
            {
                inQuotes = !inQuotes;
            }
            else if (path[i] == '[' && !inQuotes)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsPlain(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
