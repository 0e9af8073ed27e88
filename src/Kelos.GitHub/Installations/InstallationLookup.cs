using Kelos.GitHub.Api;
using Octokit;

namespace Kelos.GitHub.Installations;

/// <summary>
/// Reads an installation from GitHub: <c>GET /app/installations/{id}</c> with the App JWT for the account and
/// suspension, <c>GET /installation/repositories</c> with its installation token for the repositories (webhook
/// messages carry neither).
/// </summary>
public sealed class InstallationLookup(GitHubClientFactory clients)
{
    /// <summary>The installation now; null when GitHub no longer knows it (uninstalled).</summary>
    public async Task<InstallationSnapshot?> GetAsync(long installationId, CancellationToken cancellationToken)
    {
        Installation installation;
        try
        {
            installation = await clients.CreateAppClient().GitHubApps.GetInstallationForCurrent(installationId).WaitAsync(cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }

        var suspended = installation.SuspendedAt is not null;
        IReadOnlyList<string>? repositories = null;
        if (!suspended)
        {
            // GitHub refuses a suspended installation's tokens; its repositories are kept as last seen.
            var listed = await clients.CreateInstallationClient(installationId).GitHubApps.Installation
                .GetAllRepositoriesForCurrent().WaitAsync(cancellationToken);
            repositories = [.. listed.Repositories.Select(r => r.FullName).Order(StringComparer.OrdinalIgnoreCase)];
        }

        return new InstallationSnapshot(
            installationId,
            installation.Account.Login,
            installation.TargetType.StringValue ?? installation.Account.Type?.ToString() ?? "User",
            installation.RepositorySelection.StringValue ?? "selected",
            repositories,
            suspended);
    }
}
