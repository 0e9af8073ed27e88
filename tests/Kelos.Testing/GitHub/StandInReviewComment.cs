namespace Kelos.Testing.GitHub;

/// <summary>A pull request review comment (on a file and line), or a reply in its thread.</summary>
public sealed record StandInReviewComment(
    long Id,
    string Repository,
    int PullNumber,
    long? ReviewId,
    long? InReplyTo,
    string Author,
    string Body,
    string Path,
    int? Line,
    DateTimeOffset CreatedAt);
