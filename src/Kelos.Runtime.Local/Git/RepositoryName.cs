namespace Kelos.Runtime.Local.Git;

/// <summary>The owner and name of a repository from its clone URL (https, ssh, scp-like or a path).</summary>
public static class RepositoryName
{
    public static (string Owner, string Name)? Of(string url)
    {
        var trimmed = url.TrimEnd('/');
        if (trimmed.EndsWith(".git", StringComparison.Ordinal))
        {
            trimmed = trimmed[..^4];
        }

        var parts = trimmed.Replace(':', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 ? (parts[^2], parts[^1]) : null;
    }
}
