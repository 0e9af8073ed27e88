namespace Kelos.GitHub.Webhooks;

/// <summary>A delivery whose signature and headers have been checked: its id, event name and raw body.</summary>
internal sealed record WebhookDelivery(string DeliveryId, string Event, byte[] Body);
