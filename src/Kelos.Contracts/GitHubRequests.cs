namespace Kelos.Contracts;

/// <summary>Put 👀 on what a person wrote (a comment, a review comment, or the issue itself for a label).</summary>
/// <param name="CommentKind"><c>issue</c> (issue or PR conversation comment), <c>review</c> (PR review comment), or null for the issue.</param>
public sealed record AcknowledgeRequest(long InstallationId, string Owner, string Repository, int? IssueNumber, long? CommentId, string? CommentKind);

/// <summary>
/// Answer a person on an issue or pull request. <paramref name="Key"/> makes the answer idempotent: a retried or
/// redelivered request never posts the same answer twice.
/// </summary>
public sealed record ReplyRequest(long InstallationId, string Owner, string Repository, int IssueNumber, string Key, string Body);
