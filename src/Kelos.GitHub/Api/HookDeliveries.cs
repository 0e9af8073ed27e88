using System.Globalization;
using System.Net;
using Octokit;

namespace Kelos.GitHub.Api;

/// <summary>
/// The App's webhook deliveries through the GitHub API, as the App (JWT): the attempts of a period, newest first, page
/// by page (GitHub's cursor, in the <c>Link</c> header), and redelivery of one. GitHub keeps deliveries for three days.
/// </summary>
public sealed class HookDeliveries(GitHubClientFactory clients)
{
    private const string PageSize = "100";

    /// <summary>Every attempt delivered at or after <paramref name="since"/>; stops paging once a page reaches back past it.</summary>
    public async Task<IReadOnlyList<HookDelivery>> ListSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var connection = clients.CreateAppClient().Connection;
        var url = new Uri("app/hook/deliveries", UriKind.Relative);
        var parameters = new Dictionary<string, string> { ["per_page"] = PageSize };
        var found = new List<HookDelivery>();
        while (true)
        {
            var response = await connection.Get<List<HookDelivery>>(url, parameters, AcceptHeaders.StableVersionJson, cancellationToken);
            var page = response.Body ?? [];
            found.AddRange(page.Where(d => d.DeliveredAt >= since));
            if (page.Count == 0 || page.Any(d => d.DeliveredAt < since)
                || !response.HttpResponse.ApiInfo.Links.TryGetValue("next", out var next))
            {
                return found;
            }

            // The next link carries the whole query (page size and cursor).
            url = next;
            parameters = [];
        }
    }

    /// <summary>Asks GitHub to deliver the attempt <paramref name="id"/> again (<c>POST /app/hook/deliveries/{id}/attempts</c>).</summary>
    /// <exception cref="ApiException">GitHub refused, e.g. a delivery older than three days.</exception>
    public async Task RedeliverAsync(long id, CancellationToken cancellationToken)
    {
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"app/hook/deliveries/{id}/attempts"), UriKind.Relative);
        var status = await clients.CreateAppClient().Connection.Post(url, cancellationToken);
        if (status is not (HttpStatusCode.Accepted or HttpStatusCode.OK or HttpStatusCode.Created))
        {
            throw new ApiException($"GitHub answered {(int)status} to the redelivery of {id}", status);
        }
    }

    /// <summary>
    /// The deliveries to redeliver: for each delivery (by <see cref="HookDelivery.DeliveryId"/>) none of whose attempts
    /// succeeded, its latest attempt; oldest first, the order GitHub first sent them in.
    /// </summary>
    public static IReadOnlyList<HookDelivery> Failed(IEnumerable<HookDelivery> attempts) =>
        [.. attempts.GroupBy(d => d.DeliveryId, StringComparer.Ordinal)
            .Where(g => !g.Any(d => d.Succeeded))
            .Select(g => g.OrderByDescending(d => d.DeliveredAt).ThenByDescending(d => d.Id).First())
            .OrderBy(d => d.DeliveredAt).ThenBy(d => d.Id)];
}
