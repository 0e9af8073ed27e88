using System.Text.Json;
using Octokit.Webhooks.Events;

namespace Kelos.GitHub.Webhooks.Normalization;

/// <summary>
/// Turns a handled delivery into a <see cref="NormalizedWebhook"/>. The payload is deserialized into Octokit.Webhooks'
/// typed event, whose required members make a payload that lacks what its event always carries (an
/// <c>issue_comment</c> without its comment) fail here, as a bad request, before anything is recorded.
/// </summary>
/// <remarks>
/// Nullable annotations are respected: a <c>null</c> where the model (generated from GitHub's webhook schema)
/// declares a value, such as <c>"comment": null</c>, is a bad payload too, rather than a crash and a 500 later.
/// Every real payload in the fixtures passes this check.
/// </remarks>
internal static class WebhookNormalizer
{
    private static readonly JsonSerializerOptions Options = new() { RespectNullableAnnotations = true };

    /// <exception cref="JsonException">The payload does not fit its event.</exception>
    /// <exception cref="InvalidWebhookPayloadException">The payload lacks something Kelos needs.</exception>
    public static NormalizedWebhook Normalize(WebhookEnvelope envelope, ReadOnlySpan<byte> body) => envelope.Event switch
    {
        WebhookEventNames.IssueComment => IssueCommentNormalizer.Normalize(envelope, Read<IssueCommentEvent>(body)),
        WebhookEventNames.Issues => IssuesNormalizer.Normalize(envelope, Read<IssuesEvent>(body)),
        WebhookEventNames.PullRequest => PullRequestNormalizer.Normalize(envelope, Read<PullRequestEvent>(body)),
        WebhookEventNames.PullRequestReview => PullRequestReviewNormalizer.Normalize(envelope, Read<PullRequestReviewEvent>(body)),
        WebhookEventNames.PullRequestReviewComment => PullRequestReviewCommentNormalizer.Normalize(envelope, Read<PullRequestReviewCommentEvent>(body)),
        WebhookEventNames.CheckRun => CheckRunNormalizer.Normalize(envelope, Read<CheckRunEvent>(body)),
        WebhookEventNames.Installation => InstallationNormalizer.Normalize(envelope, Read<InstallationEvent>(body)),
        WebhookEventNames.InstallationRepositories => InstallationNormalizer.Normalize(envelope, Read<InstallationRepositoriesEvent>(body)),
        _ => throw new ArgumentException($"{envelope.Event} is not a handled event", nameof(envelope)),
    };

    private static T Read<T>(ReadOnlySpan<byte> body) where T : class =>
        JsonSerializer.Deserialize<T>(body, Options) ?? throw new InvalidWebhookPayloadException("payload is null");
}
