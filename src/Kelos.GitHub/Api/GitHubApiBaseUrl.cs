using System.Net;

namespace Kelos.GitHub.Api;

/// <summary>Turns the configured API URL into the root Octokit resolves relative paths against.</summary>
public static class GitHubApiBaseUrl
{
    /// <summary>
    /// <c>https://api.github.com</c> and <c>https://github.com</c> give <c>https://api.github.com/</c>. A URL with a path
    /// (<c>https://ghe.example.com/api/v3</c>, <c>http://stub:8080/github</c>) or on a loopback host
    /// (<c>http://127.0.0.1:5000</c>) is taken as given. Any other bare host is a GitHub Enterprise Server:
    /// <c>https://ghe.example.com</c> gives <c>https://ghe.example.com/api/v3/</c>. The result always ends in <c>/</c>.
    /// </summary>
    public static Uri Normalize(Uri configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        if (!configured.IsAbsoluteUri)
        {
            throw new ArgumentException("The GitHub API URL must be absolute.", nameof(configured));
        }

        var root = new UriBuilder(configured) { Query = string.Empty, Fragment = string.Empty };
        var path = root.Path.TrimEnd('/');
        if (path.Length == 0)
        {
            if (root.Host.Equals("github.com", StringComparison.OrdinalIgnoreCase) || root.Host.Equals("api.github.com", StringComparison.OrdinalIgnoreCase))
            {
                return new Uri("https://api.github.com/");
            }

            if (!IsLoopback(root.Host))
            {
                path = "/api/v3";
            }
        }

        root.Path = path + "/";
        return root.Uri;
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
