using System.Text.RegularExpressions;

namespace Kelos.Core.Loading.Rules;

/// <summary>What a Workspace's <c>repo</c> (or a remote's <c>url</c>) may be.</summary>
internal static partial class RepositoryUrls
{
    public const string Rule =
        "use an https://, http://, git://, ssh:// or file:// URL, git@host:owner/repo, or a local path starting with /, ./ or ../";

    private static readonly string[] Schemes = ["https", "http", "git", "ssh", "file"];

    public static bool IsValid(string repo)
    {
        if (repo.Length == 0 || repo.Any(char.IsWhiteSpace))
        {
            return false;
        }

        if (ScpLikePattern().IsMatch(repo))
        {
            return true;
        }

        if (repo.Contains("://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(repo, UriKind.Absolute, out var uri)
                && Schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)
                && (uri.Scheme == "file" || uri.Host.Length > 0);
        }

        return repo is "." or ".." || repo.StartsWith('/') || repo.StartsWith("./", StringComparison.Ordinal)
            || repo.StartsWith("../", StringComparison.Ordinal);
    }

    /// <summary><c>git@github.com:owner/repo.git</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^/\s].*$")]
    private static partial Regex ScpLikePattern();
}
