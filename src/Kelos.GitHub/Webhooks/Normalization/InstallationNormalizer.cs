using Octokit.Webhooks.Events;

namespace Kelos.GitHub.Webhooks.Normalization;

/// <summary>
/// <c>installation</c> and <c>installation_repositories</c>: published so the installations can be recorded.
/// They reach only the App's own webhook, never a repository webhook, so no second delivery id can carry the same
/// event: the identity is the delivery itself.
/// </summary>
internal static class InstallationNormalizer
{
    public static NormalizedWebhook Normalize(WebhookEnvelope envelope, InstallationEvent payload) =>
        Normalize(envelope, payload, payload.Installation?.Id);

    public static NormalizedWebhook Normalize(WebhookEnvelope envelope, InstallationRepositoriesEvent payload) =>
        Normalize(envelope, payload, payload.Installation?.Id);

    private static NormalizedWebhook Normalize(WebhookEnvelope envelope, Octokit.Webhooks.WebhookEvent payload, long? installationId)
    {
        var id = installationId ?? throw new InvalidWebhookPayloadException($"{envelope.Event} payload has no installation");
        return new NormalizedWebhook(
            PayloadMapping.Message(envelope, payload, installationId: id),
            PayloadMapping.Identity(envelope, "delivery", envelope.DeliveryId));
    }
}
