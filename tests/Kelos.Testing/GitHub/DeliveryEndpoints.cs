using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kelos.Testing.GitHub;

/// <summary>
/// The App's webhook deliveries: <c>GET /app/hook/deliveries</c> (newest first; <c>per_page</c> up to 100, default 30,
/// and GitHub's cursor pagination: a <c>Link: &lt;…&amp;cursor=…&gt;; rel="next"</c> header while more remain) and
/// <c>POST /app/hook/deliveries/{id}/attempts</c> (202; the request is remembered, nothing is re-sent: a test plays
/// GitHub's part with <see cref="GitHubHook"/>). App JWT only.
/// </summary>
internal static class DeliveryEndpoints
{
    private const string CursorPrefix = "v1_";
    private const int DefaultPerPage = 30;
    private const int MaxPerPage = 100;

    public static void Map(IEndpointRouteBuilder routes, StandInState state)
    {
        routes.MapGet("/app/hook/deliveries", (HttpContext context) =>
        {
            lock (state.Gate)
            {
                var denied = StandInAccess.RequireApp(context);
                if (denied is not null)
                {
                    return denied;
                }

                var ordered = state.Deliveries.OrderByDescending(d => d.DeliveredAt).ThenByDescending(d => d.Id).ToList();
                var perPage = PerPage(context.Request.Query["per_page"]);
                var start = 0;
                if (context.Request.Query["cursor"] is { Count: 1 } cursor)
                {
                    var after = cursor[0] is { } text && text.StartsWith(CursorPrefix, StringComparison.Ordinal)
                        && long.TryParse(text[CursorPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                        ? ordered.FindIndex(d => d.Id == id) : -1;
                    if (after < 0)
                    {
                        return GitHubErrors.Validation("HookDelivery", "cursor", "invalid", "cursor is not valid");
                    }

                    start = after + 1;
                }

                var page = ordered.Skip(start).Take(perPage).ToList();
                if (start + page.Count < ordered.Count)
                {
                    var next = $"{state.BaseUrl}app/hook/deliveries?per_page={perPage}&cursor={CursorPrefix}{page[^1].Id}";
                    context.Response.Headers.Link = $"<{next}>; rel=\"next\"";
                }

                return StandInJson.Ok(page.Select(d => new
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
                }).ToArray());
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

    private static int PerPage(Microsoft.Extensions.Primitives.StringValues value) =>
        int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? Math.Min(n, MaxPerPage) : DefaultPerPage;
}
