namespace Kelos.Core.Triggers;

/// <summary>Annotations a spawned Task carries about what started it; the reporter reads them to answer there.</summary>
public static class SourceAnnotations
{
    /// <summary><c>issue</c>, <c>pull-request</c> or <c>check-run</c> (a check run with no issue or pull request).</summary>
    public const string Kind = "kelos.dev/source-kind";
    public const string Number = "kelos.dev/source-number";
    public const string Owner = "kelos.dev/source-owner";
    public const string Repo = "kelos.dev/source-repo";

    /// <summary>The pull request's head commit, else the check run's.</summary>
    public const string Sha = "kelos.dev/source-sha";
    public const string DeliveryId = "kelos.dev/delivery-id";

    /// <summary>The triggering comment (or review) id, when a comment triggered.</summary>
    public const string CommentId = "kelos.dev/comment-id";

    /// <summary>
    /// What the triggering comment is: <c>issue</c> (an issue or PR conversation comment), <c>review-comment</c> (a
    /// comment in a PR review thread) or <c>review</c> (a submitted review's body).
    /// </summary>
    public const string CommentKind = "kelos.dev/comment-kind";

    /// <summary>The comment's author, else the event's sender.</summary>
    public const string RequestedBy = "kelos.dev/requested-by";

    /// <summary>The GitHub App installation the event came through: the reporter answers with its token.</summary>
    public const string InstallationId = "kelos.dev/installation-id";

    public const string CommentKindIssue = "issue";
    public const string CommentKindReviewComment = "review-comment";
    public const string CommentKindReview = "review";

    public const string KindIssue = "issue";
    public const string KindPullRequest = "pull-request";
    public const string KindCheckRun = "check-run";
}
