using Kelos.Contracts;
using Octokit.Webhooks.Events;

namespace Kelos.GitHub.Webhooks.Normalization;

/// <summary>
/// <c>issue_comment</c>: a comment on an issue or on a pull request's conversation. Identity: the comment id for
/// <c>created</c>; for <c>edited</c> also the edit time, so a second edit is a new event and a repeat is not.
/// </summary>
internal static class IssueCommentNormalizer
{
    public static NormalizedWebhook Normalize(WebhookEnvelope envelope, IssueCommentEvent payload)
    {
        var comment = payload.Comment;
        var message = PayloadMapping.Message(
            envelope,
            payload,
            SubjectMapping.FromIssue(payload.Issue),
            new GitHubComment(comment.Id, comment.Body, comment.HtmlUrl, comment.User.Login, comment.AuthorAssociation.StringValue));
        var identity = envelope.Action == "edited"
            ? PayloadMapping.Identity(envelope, comment.Id, PayloadMapping.Stamp(comment.UpdatedAt))
            : PayloadMapping.Identity(envelope, comment.Id);
        return new NormalizedWebhook(message, identity);
    }
}
