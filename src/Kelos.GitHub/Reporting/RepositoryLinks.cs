namespace Kelos.GitHub.Reporting;

/// <summary>Web addresses on GitHub (or GitHub Enterprise), derived from the API address unless configured.</summary>
public static class RepositoryLinks
{
    /// <summary>
    /// <c>https://api.github.com/</c> → <c>https://github.com/</c>; <c>https://ghe.example.com/api/v3/</c> →
    /// <c>https://ghe.example.com/</c>; any other address → its origin.
    /// </summary>
    public static Uri WebBase(Uri apiBase)
    {
        ArgumentNullException.ThrowIfNull(apiBase);
        if (string.Equals(apiBase.Host, "api.github.com", StringComparison.OrdinalIgnoreCase))
        {
            return new Uri("https://github.com/");
        }

        return new Uri(apiBase.GetLeftPart(UriPartial.Authority) + "/");
    }

    /// <summary>The repository's page: <c>{web}/{owner}/{repo}</c>.</summary>
    public static Uri Repository(Uri webBase, string owner, string repository)
    {
        ArgumentNullException.ThrowIfNull(webBase);
        return new Uri(webBase, $"{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(repository)}");
    }
}
