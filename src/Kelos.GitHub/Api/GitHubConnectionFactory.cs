using Kelos.GitHub.Auth;
using Microsoft.Extensions.Options;
using Octokit;
using Octokit.Internal;

namespace Kelos.GitHub.Api;

/// <summary>
/// Builds Octokit connections on the normalized API root, kept as it is (Octokit's own <c>GitHubClient(header, uri)</c>
/// would force <c>/api/v3/</c> onto any non-github.com URL). All connections share one HTTP handler.
/// </summary>
public sealed class GitHubConnectionFactory : IDisposable
{
    private static readonly ProductHeaderValue Product = new(
        "Kelos", typeof(GitHubConnectionFactory).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    private readonly HttpClientAdapter _http = new(HttpMessageHandlerFactory.CreateDefault);

    /// <summary>Uses <see cref="GitHubAppOptions.ApiBaseUrl"/>.</summary>
    public GitHubConnectionFactory(IOptions<GitHubAppOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        BaseUrl = GitHubApiBaseUrl.Normalize(options.Value.ApiBaseUrl);
    }

    /// <summary>The root every request is resolved against, ending in <c>/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>A connection that asks <paramref name="credentials"/> for its credentials before every request.</summary>
    public IConnection Create(ICredentialStore credentials) =>
        new Connection(Product, BaseUrl, credentials, _http, new SimpleJsonSerializer());

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
