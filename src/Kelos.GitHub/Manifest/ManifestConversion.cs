using Kelos.GitHub.Api;
using Kelos.GitHub.Auth;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Octokit;
using Octokit.Internal;

namespace Kelos.GitHub.Manifest;

/// <summary>
/// <c>POST {api}/app-manifests/{code}/conversions</c>, without authentication: exchanges the one-time code GitHub
/// gave the redirect URL (valid for an hour) for the new App's credentials.
/// </summary>
public static class ManifestConversion
{
    /// <param name="apiBaseUrl">The REST API root, as <see cref="GitHubAppOptions.ApiBaseUrl"/> takes it.</param>
    /// <param name="code">The code from the redirect.</param>
    /// <param name="cancellationToken">Stops waiting for GitHub.</param>
    public static async Task<CreatedGitHubApp> ExchangeAsync(Uri apiBaseUrl, string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        using var connections = new GitHubConnectionFactory(
            Options.Create(new GitHubAppOptions { ApiBaseUrl = apiBaseUrl }),
            Options.Create(new GitHubOutboundOptions()),
            TimeProvider.System,
            NullLoggerFactory.Instance);
        var client = new GitHubClient(connections.Create(new InMemoryCredentialStore(Credentials.Anonymous)));
        var app = await client.GitHubApps.CreateAppFromManifest(code).WaitAsync(cancellationToken);
        if (string.IsNullOrEmpty(app.Pem) || string.IsNullOrEmpty(app.WebhookSecret))
        {
            throw new InvalidOperationException($"GitHub created the App {app.Slug} ({app.Id}) but returned no private key or webhook secret");
        }

        var page = Uri.TryCreate(app.HtmlUrl, UriKind.Absolute, out var url) ? url : null;
        return new CreatedGitHubApp(app.Id, app.Slug, app.Name, page, app.Pem, app.WebhookSecret);
    }
}
