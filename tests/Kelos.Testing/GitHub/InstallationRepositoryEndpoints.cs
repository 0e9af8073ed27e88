using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kelos.Testing.GitHub;

/// <summary>
/// <c>GET /installation/repositories</c>: the repositories an installation token may touch (all of its installation's,
/// or those it was narrowed to), in one page: <c>{total_count, repository_selection, repositories}</c>.
/// </summary>
internal static class InstallationRepositoryEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, StandInState state)
    {
        routes.MapGet("/installation/repositories", (HttpContext context) =>
        {
            lock (state.Gate)
            {
                var denied = StandInAccess.RequireInstallation(context, state, out var token, out var installation);
                if (denied is not null)
                {
                    return denied;
                }

                var repositories = installation.Repositories
                    .Where(name => token.Repositories is null || token.Repositories.Contains(name, StringComparer.OrdinalIgnoreCase))
                    .Select(name => state.FindRepository(installation.Account, name))
                    .OfType<StandInRepository>()
                    .OrderBy(r => r.Name, StringComparer.Ordinal)
                    .Select(r => AccountJson.Repository(state, r))
                    .ToArray();
                return StandInJson.Ok(new { TotalCount = repositories.Length, RepositorySelection = "selected", Repositories = repositories });
            }
        });
    }
}
