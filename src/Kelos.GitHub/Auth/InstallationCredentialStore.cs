using Octokit;

namespace Kelos.GitHub.Auth;

/// <summary>Octokit credentials for one installation: the cached installation token, refreshed by the cache.</summary>
public sealed class InstallationCredentialStore(InstallationTokenCache tokens, long installationId) : ICredentialStore
{
    /// <summary>The installation whose token this hands out.</summary>
    public long InstallationId => installationId;

    /// <inheritdoc />
    public async Task<Credentials> GetCredentials()
    {
        var token = await tokens.GetAsync(installationId);
        return new Credentials(token.Token, AuthenticationType.Bearer);
    }
}
