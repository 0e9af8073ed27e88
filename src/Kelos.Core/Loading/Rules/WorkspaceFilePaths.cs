namespace Kelos.Core.Loading.Rules;

/// <summary>Which <c>files[].path</c> values are safe to write inside a clone.</summary>
internal static class WorkspaceFilePaths
{
    /// <summary>Null when the path is safe, else why it is not.</summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0)
        {
            return "path must not be empty: it names the file to write inside the clone";
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return "path must not contain a NUL character";
        }

        if (path.StartsWith('/') || path.StartsWith('\\') || (path.Length > 1 && path[1] == ':'))
        {
            return $"path \"{path}\" must be relative to the clone: an absolute path would write outside it";
        }

        var segments = Segments(path);
        if (segments.Contains(".."))
        {
            return $"path \"{path}\" must not contain a \"..\" segment: it could write outside the clone";
        }

        if (segments.Any(s => s.Equals(".git", StringComparison.OrdinalIgnoreCase)))
        {
            return $"path \"{path}\" is inside .git/: writing there could change git's configuration or add hooks that run code";
        }

        return segments.Count == 0 ? $"path \"{path}\" names the clone itself, not a file" : null;
    }

    /// <summary>The path with <c>./</c> and repeated separators removed, for duplicate checks.</summary>
    public static string Normalize(string path) => string.Join('/', Segments(path));

    private static List<string> Segments(string path) =>
        path.Split('/', '\\').Where(s => s.Length > 0 && s != ".").ToList();
}
