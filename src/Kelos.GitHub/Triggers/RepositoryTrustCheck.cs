using Kelos.Core.Resources;
using Kelos.GitHub.Api;

namespace Kelos.GitHub.Triggers;

/// <summary>
/// Trust by the author's permission on the repository (the collaborator-permission API, cached), or by
/// <c>allowedUsers</c> / <c>allowedTeams</c>. Default: at least <c>write</c>, as the best peer bots require.
/// </summary>
public sealed class RepositoryTrustCheck(CollaboratorPermissions permissions) : ITrustCheck
{
    public async Task<TrustVerdict> CheckAsync(long installationId, string owner, string repo, string user, CommentPolicy? policy, CancellationToken cancellationToken)
    {
        if (policy?.AllowedUsers?.Contains(user, StringComparer.OrdinalIgnoreCase) == true)
        {
            return TrustVerdict.Yes;
        }

        var needed = CollaboratorPermissions.Parse(policy?.MinimumPermission) ?? RepositoryRole.Write;
        var role = await permissions.GetAsync(installationId, owner, repo, user, cancellationToken);
        if (role >= needed)
        {
            return TrustVerdict.Yes;
        }

        foreach (var team in policy?.AllowedTeams ?? [])
        {
            var parts = team.Split('/', 2);
            if (parts.Length == 2 && await IsMemberAsync(installationId, parts[0], parts[1], user, cancellationToken))
            {
                return TrustVerdict.Yes;
            }
        }

        var teams = policy?.AllowedTeams is { Count: > 0 } t ? $", and is not in {string.Join(" or ", t)}" : "";
        return TrustVerdict.No($"@{user} has {Describe(role)} on {owner}/{repo}{teams}; this needs {needed.ToString().ToLowerInvariant()} access");
    }

    /// <summary>A team GitHub will not show us (no <c>members: read</c>, or no such team) has no members for us.</summary>
    private async Task<bool> IsMemberAsync(long installationId, string org, string slug, string user, CancellationToken cancellationToken)
    {
        try
        {
            return await permissions.IsTeamMemberAsync(installationId, org, slug, user, cancellationToken);
        }
        catch (Octokit.ApiException e) when (e.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static string Describe(RepositoryRole role) => role == RepositoryRole.None ? "no access" : $"{role.ToString().ToLowerInvariant()} access";
}
