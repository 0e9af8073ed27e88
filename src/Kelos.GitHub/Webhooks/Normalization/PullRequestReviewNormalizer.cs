using Kelos.Contracts;
using Octokit.Webhooks.Events;

namespace Kelos.GitHub.Webhooks.Normalization;

/// <summary>
/// <c>pull_request_review</c> <c>submitted</c>: the review's body and state (<c>approved</c>,
/// <c>changes_requested</c>, <c>commented</c>) as the comment. Identity: the review id.
/// </summary>
internal static class PullRequestReviewNormalizer
{
    public static NormalizedWebhook Normalize(WebhookEnvelope envelope, PullRequestReviewEvent payload)
    {
        var review = payload.Review;
        var comment = new GitHubComment(
            review.Id,
            review.Body ?? "",
            review.HtmlUrl,
            review.User.Login,
            review.AuthorAssociation.StringValue,
            ReviewId: review.Id,
            ReviewState: review.State?.StringValue);
        return new NormalizedWebhook(
            PayloadMapping.Message(envelope, payload, SubjectMapping.FromSimplePullRequest(payload.PullRequest), comment),
            PayloadMapping.Identity(envelope, review.Id));
    }
}
