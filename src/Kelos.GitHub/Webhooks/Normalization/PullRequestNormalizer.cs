using Octokit.Webhooks.Events;
using Octokit.Webhooks.Events.PullRequest;

namespace Kelos.GitHub.Webhooks.Normalization;

/// <summary>
/// <c>pull_request</c>. Identity: the PR id for <c>opened</c>; repository, number and label for <c>labeled</c>
/// (as for issues); the PR id and the new head commit for <c>synchronize</c>; the PR id and its update time for
/// <c>edited</c>, <c>reopened</c> and <c>ready_for_review</c>.
/// </summary>
internal static class PullRequestNormalizer
{
    public static NormalizedWebhook Normalize(WebhookEnvelope envelope, PullRequestEvent payload)
    {
        var pr = payload.PullRequest;
        var subject = SubjectMapping.FromPullRequest(pr);
        switch (payload)
        {
            case PullRequestLabeledEvent labeled:
                var repositoryId = payload.Repository?.Id ?? throw new InvalidWebhookPayloadException("pull_request payload has no repository");
                return new NormalizedWebhook(
                    PayloadMapping.Message(envelope, payload, subject, label: labeled.Label.Name),
                    PayloadMapping.Identity(envelope, repositoryId, subject.Number, labeled.Label.Name));
            case PullRequestSynchronizeEvent synchronized:
                return new NormalizedWebhook(
                    PayloadMapping.Message(envelope, payload, subject),
                    PayloadMapping.Identity(envelope, pr.Id, synchronized.After));
            case PullRequestOpenedEvent:
                return new NormalizedWebhook(PayloadMapping.Message(envelope, payload, subject), PayloadMapping.Identity(envelope, pr.Id));
            default:
                return new NormalizedWebhook(
                    PayloadMapping.Message(envelope, payload, subject),
                    PayloadMapping.Identity(envelope, pr.Id, PayloadMapping.Stamp(pr.UpdatedAt)));
        }
    }
}
