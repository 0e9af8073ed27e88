using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kelos.Testing.GitHub;

/// <summary>
/// The App's webhook deliveries: <c>GET /app/hook/deliveries</c> (newest first) and
/// <c>POST /app/hook/deliveries/{id}/attempts</c> (202; the request is remembered, nothing is re-sent). App JWT only.
/// </summary>
internal static class DeliveryEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, StandInState state)
    {
        routes.MapGet("/app/hook/deliveries", (HttpContext context) =>
        {
            lock (state.Gate)
            {
                return StandInAccess.RequireApp(context) ?? StandInJson.Ok(state.Deliveries
                    .OrderByDescending(d => d.DeliveredAt)
                    .ThenByDescending(d => d.Id)
                    .Select(d => new
                    {
                        d.Id,
                        Guid = d.DeliveryGuid,
                        DeliveredAt = StandInJson.Time(d.DeliveredAt),
                        d.Redelivery,
                        Duration = 0.05,
                        Status = d.StatusCode is >= 200 and < 300 ? "OK" : $"Invalid HTTP Response: {d.StatusCode}",
                        d.StatusCode,
                        d.Event,
                        d.Action,
                        d.InstallationId,
                        d.RepositoryId,
                    })
                    .ToArray());
            }
        });

        routes.MapPost("/app/hook/deliveries/{id:long}/attempts", (long id, HttpContext context) =>
        {
            lock (state.Gate)
            {
                var denied = StandInAccess.RequireApp(context);
                if (denied is not null)
                {
                    return denied;
                }

                if (!state.Deliveries.Any(d => d.Id == id))
                {
                    return GitHubErrors.NotFound();
                }

                state.RedeliveryRequests.Add(id);
                return StandInJson.Ok(new { }, StatusCodes.Status202Accepted);
            }
        });
    }
}
