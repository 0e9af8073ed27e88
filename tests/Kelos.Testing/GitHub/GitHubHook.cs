using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Kelos.Testing.GitHub;

/// <summary>
/// GitHub's delivering side of an App webhook, for tests: signs and posts each delivery to the webhook URL (giving up
/// after GitHub's 10 s, which GitHub records as status 0), records every attempt in the stand-in's delivery log (what
/// <c>GET /app/hook/deliveries</c> lists), and carries out the redeliveries asked for through
/// <c>POST /app/hook/deliveries/{id}/attempts</c>, with the same <c>X-GitHub-Delivery</c>, as GitHub does.
/// </summary>
public sealed class GitHubHook(GitHubStandIn github, Uri webhook, string secret) : IDisposable
{
    private static readonly TimeSpan GitHubTimeout = TimeSpan.FromSeconds(10);
    private readonly HttpClient _http = new() { Timeout = GitHubTimeout };
    private readonly Dictionary<long, (string Event, string Guid, byte[] Body)> _sent = [];
    private readonly Lock _gate = new();
    private long _nextId = 90_000_000_000;
    private int _redeliveriesDone;

    /// <summary>Delivers an event; returns the status code answered, or 0 when none came within 10 s.</summary>
    public Task<int> DeliverAsync(string eventName, string deliveryId, JsonNode payload, CancellationToken cancellationToken = default) =>
        SendAsync(eventName, deliveryId, Encoding.UTF8.GetBytes(payload.ToJsonString()), redelivery: false, cancellationToken);

    /// <summary>Carries out every redelivery asked for since the last call; returns each one's delivery id and answer.</summary>
    public async Task<IReadOnlyList<(string Guid, int StatusCode)>> RedeliverRequestedAsync(CancellationToken cancellationToken = default)
    {
        var requested = github.RedeliveryRequests;
        var done = new List<(string, int)>();
        for (; _redeliveriesDone < requested.Count; _redeliveriesDone++)
        {
            (string Event, string Guid, byte[] Body) original;
            lock (_gate)
            {
                original = _sent[requested[_redeliveriesDone]];
            }

            done.Add((original.Guid, await SendAsync(original.Event, original.Guid, original.Body, redelivery: true, cancellationToken)));
        }

        return done;
    }

    public void Dispose() => _http.Dispose();

    private async Task<int> SendAsync(string eventName, string deliveryId, byte[] body, bool redelivery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.UserAgent.ParseAdd("GitHub-Hookshot/kelos-tests");
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", deliveryId);
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
        var at = github.Time.GetUtcNow();
        int status;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            status = 0;
        }

        var payload = JsonNode.Parse(body);
        long id;
        lock (_gate)
        {
            id = ++_nextId;
            _sent[id] = (eventName, deliveryId, body);
        }

        github.AddDelivery(new StandInDelivery(
            id, deliveryId, eventName, payload?["action"]?.GetValue<string>(), status, redelivery, at,
            payload?["installation"]?["id"]?.GetValue<long>(), payload?["repository"]?["id"]?.GetValue<long>()));
        return status;
    }
}
