namespace Kelos.Testing.GitHub;

/// <summary>A webhook delivery as <c>GET /app/hook/deliveries</c> lists it.</summary>
/// <param name="DeliveryGuid">The <c>X-GitHub-Delivery</c> value.</param>
/// <param name="StatusCode">What the receiver answered (0: no answer).</param>
public sealed record StandInDelivery(
    long Id,
    string DeliveryGuid,
    string Event,
    string? Action,
    int StatusCode,
    bool Redelivery,
    DateTimeOffset DeliveredAt,
    long? InstallationId = null,
    long? RepositoryId = null);
