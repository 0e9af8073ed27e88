using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kelos.Testing.GitHub;

/// <summary>
/// <c>GET /repos/{o}/{r}/collaborators/{user}/permission</c> (legacy <c>permission</c> plus the fine-grained
/// <c>role_name</c>) and <c>GET /orgs/{org}/teams/{slug}/memberships/{user}</c> (404 for a non-member).
/// </summary>
internal static class CollaboratorEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, StandInState state)
    {
        routes.MapGet("/repos/{owner}/{repo}/collaborators/{user}/permission", (string owner, string repo, string user, HttpContext context) =>
        {
            lock (state.Gate)
            {
                var denied = StandInAccess.RequireRepository(context, state, owner, repo, "read", out var repository, "metadata");
                if (denied is not null)
                {
                    return denied;
                }

                var role = state.Collaborators.GetValueOrDefault((repository.FullName, user.ToLowerInvariant()), "none");
                return StandInJson.Ok(new { Permission = Legacy(role), RoleName = role, User = AccountJson.User(state, user) });
            }
        });

        routes.MapGet("/orgs/{org}/teams/{slug}/memberships/{user}", (string org, string slug, string user, HttpContext context) =>
        {
            lock (state.Gate)
            {
                var denied = StandInAccess.RequireOrganization(context, state, org, "members", "read");
                if (denied is not null)
                {
                    return denied;
                }

                return state.TeamMembers.TryGetValue((org.ToLowerInvariant(), slug.ToLowerInvariant(), user.ToLowerInvariant()), out var membership)
                    ? StandInJson.Ok(new
                    {
                        Url = new Uri(state.BaseUrl, $"orgs/{org}/teams/{slug}/memberships/{user}"),
                        membership.Role,
                        membership.State,
                    })
                    : GitHubErrors.NotFound();
            }
        });
    }

    /// <summary>The legacy <c>permission</c> field knows only admin, write, read and none.</summary>
    private static string Legacy(string role) => role switch
    {
        "admin" => "admin",
        "maintain" or "write" => "write",
        "triage" or "read" => "read",
        _ => "none",
    };
}
