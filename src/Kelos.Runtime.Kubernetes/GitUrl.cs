using System.Text.RegularExpressions;

namespace Kelos.Runtime.Kubernetes;

/// <summary>The parts of a clone URL the pod needs: the host (github.com or an Enterprise host), owner/repo, a user name.</summary>
internal static partial class GitUrl
{
    public static string? Host(string url) => Parse(url)?.Host;

    public static string? OwnerRepo(string url) => Parse(url) is { } parsed && parsed.Path.Split('/', StringSplitOptions.RemoveEmptyEntries) is [.., var owner, var repo]
        ? $"{owner}/{(repo.EndsWith(".git", StringComparison.Ordinal) ? repo[..^4] : repo)}"
        : null;

    /// <summary>True when the URL carries a user name (<c>https://user@host/...</c>), which git then hands the credential helper.</summary>
    public static bool HasUserName(string url) => Parse(url)?.HasUser == true;

    private static (string Host, string Path, bool HasUser)? Parse(string url)
    {
        var scp = ScpLike().Match(url);
        if (scp.Success)
        {
            return (scp.Groups["host"].Value, scp.Groups["path"].Value, true);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? (uri.Host, uri.AbsolutePath, uri.UserInfo.Length > 0)
            : null;
    }

    [GeneratedRegex("^(?:[^@/]+@)(?<host>[^:/]+):(?<path>[^/].*)$")]
    private static partial Regex ScpLike();
}
