using System.Globalization;
using Kelos.Contracts;
using Octokit.Webhooks;
using Octokit.Webhooks.Models;

namespace Kelos.GitHub.Webhooks.Normalization;

/// <summary>The parts every normalized event shares: the envelope, repository, sender and installation, and the identity.</summary>
internal static class PayloadMapping
{
    public static GitHubEventReceived Message(
        WebhookEnvelope envelope,
        WebhookEvent payload,
        GitHubSubject? subject = null,
        GitHubComment? comment = null,
        string? label = null,
        GitHubCheckRunRef? checkRun = null,
        long? installationId = null) =>
        new(
            envelope.DeliveryId,
            envelope.Event,
            envelope.Action,
            installationId ?? payload.Installation?.Id,
            payload.Repository is { } repository ? Repository(repository) : null,
            Actor(payload.Sender ?? throw new InvalidWebhookPayloadException($"{envelope.Event} payload has no sender")),
            subject,
            comment,
            label,
            checkRun,
            envelope.ReceivedAt);

    public static GitHubRepositoryRef Repository(Repository repository) =>
        new(repository.Owner.Login, repository.Name, repository.DefaultBranch ?? repository.MasterBranch ?? "main", repository.Private);

    public static GitHubActor Actor(User user) => new(user.Login, user.Id, user.Type.StringValue);

    /// <summary><c>event:action:part:part…</c>, invariant, for the delivery ledger.</summary>
    public static string Identity(WebhookEnvelope envelope, params object[] parts) =>
        string.Join(':', [envelope.Event, envelope.Action, .. parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture))]);

    /// <summary>A moment as Unix seconds, to tell apart two edits of the same thing.</summary>
    public static long Stamp(DateTimeOffset at) => at.ToUnixTimeSeconds();

    public static int Number(long number) =>
        number is > 0 and <= int.MaxValue ? (int)number : throw new InvalidWebhookPayloadException($"issue or pull request number {number} is out of range");

    public static string Required(string? value, string what) =>
        value ?? throw new InvalidWebhookPayloadException($"payload has no {what}");
}
