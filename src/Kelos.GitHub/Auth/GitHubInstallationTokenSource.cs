using System.Globalization;
using System.Text.Json;
using Kelos.GitHub.Api;
using Octokit;

namespace Kelos.GitHub.Auth;

/// <summary>
/// <c>POST /app/installations/{id}/access_tokens</c> with the App JWT. Octokit 14's <c>CreateInstallationToken</c> cannot
/// narrow a token, so the body (<c>repositories</c>, <c>permissions</c>) is written here and posted as raw JSON
/// through Octokit's connection.
/// </summary>
public sealed class GitHubInstallationTokenSource(GitHubConnectionFactory connections, AppJwtCredentialStore app) : IInstallationTokenSource
{
    private readonly ApiConnection _api = new(connections.Create(app));

    /// <inheritdoc />
    public async Task<InstallationAccessToken> CreateAsync(
        long installationId,
        IReadOnlyCollection<string>? repositories,
        IReadOnlyDictionary<string, string>? permissions,
        CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object>();
        if (repositories is not null)
        {
            body["repositories"] = repositories;
        }

        if (permissions is not null)
        {
            body["permissions"] = permissions;
        }

        var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"app/installations/{installationId}/access_tokens"), UriKind.Relative);
        var token = await _api.Post<AccessToken>(uri, JsonSerializer.Serialize(body), "application/vnd.github+json", "application/json", cancellationToken);
        return new InstallationAccessToken(token.Token, token.ExpiresAt);
    }
}
