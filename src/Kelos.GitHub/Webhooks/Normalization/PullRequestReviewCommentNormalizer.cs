using Kelos.Contracts;
using Octokit.Webhooks.Events;

namespace Kelos.GitHub.Webhooks.Normalization;

/// <summary>
/// <c>pull_request_review_comment</c>: a comment on a line of a pull request's diff, with its file, line, the
/// comment it replies to and its review. An outdated comment has no current line: its original line is given.
/// Identity: the comment id (and, for <c>edited</c>, the edit time).
/// </summary>
internal static class PullRequestReviewCommentNormalizer
{
    public static NormalizedWebhook Normalize(WebhookEnvelope envelope, PullRequestReviewCommentEvent payload)
    {
        var c = payload.Comment;
        var line = c.Line ?? (c.OriginalLine is > 0 and <= int.MaxValue ? (int)c.OriginalLine : null);
        var comment = new GitHubComment(
            c.Id,
            c.Body,
            c.HtmlUrl,
            c.User.Login,
            c.AuthorAssociation.StringValue,
            c.Path,
            line,
            c.InReplyToId,
            c.PullRequestReviewId);
        var identity = envelope.Action == "edited"
            ? PayloadMapping.Identity(envelope, c.Id, PayloadMapping.Stamp(c.UpdatedAt))
            : PayloadMapping.Identity(envelope, c.Id);
        return new NormalizedWebhook(
            PayloadMapping.Message(envelope, payload, SubjectMapping.FromSimplePullRequest(payload.PullRequest), comment),
            identity);
    }
}
