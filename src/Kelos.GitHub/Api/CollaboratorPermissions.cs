using Octokit;

namespace Kelos.GitHub.Api;

/// <summary>
/// Answers "what may this person do here?" for the trust check: a user's role on a repository (the collaborator
/// permission API), and team membership. Answers, negative ones included, are kept for <see cref="CacheDuration"/>.
/// </summary>
public sealed class CollaboratorPermissions(GitHubClientFactory clients, TimeProvider time)
{
    /// <summary>How long an answer is reused.</summary>
    public static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(5);

    private readonly ExpiringAnswers<RepositoryRole> _permissions = new(time, CacheDuration);
    private readonly ExpiringAnswers<bool> _teams = new(time, CacheDuration);

    /// <summary>
    /// <paramref name="user"/>'s role on <c>owner/repo</c>, asked with <paramref name="installationId"/>'s token (the
    /// installation is in every webhook payload). GitHub's fine-grained <c>role_name</c> is used when it is one of the
    /// five roles; a custom role falls back to the legacy <c>permission</c>. An unknown user is <see cref="RepositoryRole.None"/>.
    /// </summary>
    public Task<RepositoryRole> GetAsync(long installationId, string owner, string repo, string user, CancellationToken cancellationToken = default) =>
        _permissions.GetAsync($"{installationId}:{owner}/{repo}:{user}", async () =>
        {
            try
            {
                var client = clients.CreateInstallationClient(installationId);
                var answer = await client.Repository.Collaborator.ReviewPermission(owner, repo, user).WaitAsync(cancellationToken);
                return Parse(answer.RoleName) ?? Parse(answer.Permission) ?? RepositoryRole.None;
            }
            catch (NotFoundException)
            {
                return RepositoryRole.None;
            }
        });

    /// <summary>Whether <paramref name="user"/> is an active member (not merely invited) of <c>org/teamSlug</c>.</summary>
    /// <remarks>Needs the App's organization permission <c>members: read</c>; without it GitHub answers 403 and this throws.</remarks>
    public Task<bool> IsTeamMemberAsync(long installationId, string org, string teamSlug, string user, CancellationToken cancellationToken = default) =>
        _teams.GetAsync($"{installationId}:{org}/{teamSlug}:{user}", async () =>
        {
            try
            {
                // Octokit 14 only knows the legacy /teams/{id} form of this endpoint; ask the org/slug form directly.
                var uri = new Uri(
                    $"orgs/{Uri.EscapeDataString(org)}/teams/{Uri.EscapeDataString(teamSlug)}/memberships/{Uri.EscapeDataString(user)}", UriKind.Relative);
                var connection = clients.CreateInstallationClient(installationId).Connection;
                var answer = await connection.Get<TeamMembershipDetails>(uri, null, "application/vnd.github+json", cancellationToken);
                return answer.Body.State.TryParse(out var state) && state == MembershipState.Active;
            }
            catch (NotFoundException)
            {
                return false;
            }
        });

    /// <summary>admin, maintain, write, triage, read or none (any case); null for anything else, e.g. a custom role.</summary>
    public static RepositoryRole? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "admin" => RepositoryRole.Admin,
        "maintain" => RepositoryRole.Maintain,
        "write" => RepositoryRole.Write,
        "triage" => RepositoryRole.Triage,
        "read" => RepositoryRole.Read,
        "none" => RepositoryRole.None,
        _ => null,
    };
}
