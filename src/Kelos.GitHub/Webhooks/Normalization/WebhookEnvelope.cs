namespace Kelos.GitHub.Webhooks.Normalization;

/// <summary>What the request says about a delivery besides its payload.</summary>
internal sealed record WebhookEnvelope(string DeliveryId, string Event, string Action, DateTimeOffset ReceivedAt);
