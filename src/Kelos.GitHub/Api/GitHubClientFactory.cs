using System.Collections.Concurrent;
using Kelos.GitHub.Auth;
using Octokit;
using Octokit.Internal;

namespace Kelos.GitHub.Api;

/// <summary>
/// Octokit clients: one for the App itself (JWT; installations, tokens, deliveries) and one per installation
/// (its installation token, refreshed by <see cref="InstallationTokenCache"/> behind the client's back), plus
/// throwaway clients for a given token. The App and installation clients are made once and reused.
/// </summary>
public sealed class GitHubClientFactory(GitHubConnectionFactory connections, AppJwtCredentialStore app, InstallationTokenCache tokens)
{
    private readonly Lazy<IGitHubClient> _app = new(() => new GitHubClient(connections.Create(app)));
    private readonly ConcurrentDictionary<long, IGitHubClient> _installations = new();

    /// <summary>The client that authenticates as the App (JWT). Only <c>/app…</c> endpoints accept it.</summary>
    public IGitHubClient CreateAppClient() => _app.Value;

    /// <summary>The client that acts for <paramref name="installationId"/> with all of the installation's permissions.</summary>
    public IGitHubClient CreateInstallationClient(long installationId) =>
        _installations.GetOrAdd(installationId, id => new GitHubClient(connections.Create(new InstallationCredentialStore(tokens, id))));

    /// <summary>A client that uses <paramref name="token"/> as it is, e.g. a Task's narrowed token; not cached.</summary>
    public IGitHubClient CreateTokenClient(InstallationAccessToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new GitHubClient(connections.Create(new InMemoryCredentialStore(new Credentials(token.Token, AuthenticationType.Bearer))));
    }
}
