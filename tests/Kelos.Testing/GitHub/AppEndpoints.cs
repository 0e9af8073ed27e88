using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kelos.Testing.GitHub;

/// <summary><c>GET /app</c>, the App's installations, and which installation covers a repository. App JWT only.</summary>
internal static class AppEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, StandInState state)
    {
        routes.MapGet("/app", (HttpContext context) =>
        {
            lock (state.Gate)
            {
                return StandInAccess.RequireApp(context) ?? StandInJson.Ok(AccountJson.App(state));
            }
        });

        routes.MapGet("/app/installations", (HttpContext context) =>
        {
            lock (state.Gate)
            {
                return StandInAccess.RequireApp(context)
                    ?? StandInJson.Ok(state.Installations.Values.OrderBy(i => i.Id).Select(i => AccountJson.Installation(state, i)).ToArray());
            }
        });

        routes.MapGet("/app/installations/{id:long}", (long id, HttpContext context) =>
        {
            lock (state.Gate)
            {
                return StandInAccess.RequireApp(context)
                    ?? (state.Installations.TryGetValue(id, out var installation)
                        ? StandInJson.Ok(AccountJson.Installation(state, installation))
                        : GitHubErrors.NotFound());
            }
        });

        routes.MapGet("/repos/{owner}/{repo}/installation", (string owner, string repo, HttpContext context) =>
        {
            lock (state.Gate)
            {
                var installation = state.Installations.Values.FirstOrDefault(i =>
                    string.Equals(i.Account, owner, StringComparison.OrdinalIgnoreCase)
                    && i.Repositories.Contains(repo, StringComparer.OrdinalIgnoreCase));
                return StandInAccess.RequireApp(context)
                    ?? (installation is null ? GitHubErrors.NotFound() : StandInJson.Ok(AccountJson.Installation(state, installation)));
            }
        });
    }
}
