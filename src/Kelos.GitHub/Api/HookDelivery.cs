using Octokit.Internal;

namespace Kelos.GitHub.Api;

/// <summary>
/// One attempt at delivering a webhook, as <c>GET /app/hook/deliveries</c> lists it (Octokit 14 has no model for it).
/// A redelivery is a new attempt with the same <see cref="DeliveryId"/> (the <c>X-GitHub-Delivery</c> header).
/// </summary>
public sealed class HookDelivery
{
    /// <summary>The attempt's id, which <c>POST /app/hook/deliveries/{id}/attempts</c> redelivers.</summary>
    public long Id { get; set; }

    /// <summary>The delivery's <c>X-GitHub-Delivery</c> (GitHub's <c>guid</c>), the same for every attempt.</summary>
    [Parameter(Key = "guid")]
    public string DeliveryId { get; set; } = string.Empty;

    public DateTimeOffset DeliveredAt { get; set; }

    /// <summary>True for an attempt made by a redelivery.</summary>
    public bool Redelivery { get; set; }

    /// <summary>What the receiver answered; 0 when it did not answer in time.</summary>
    public int StatusCode { get; set; }

    /// <summary>GitHub's words for the answer: <c>OK</c>, <c>Invalid HTTP Response: 503</c>, <c>timed out</c>.</summary>
    public string? Status { get; set; }

    public string Event { get; set; } = string.Empty;

    public string? Action { get; set; }

    /// <summary>Answered 2xx: GitHub counts it delivered.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
