namespace Kelos.Testing.GitHub;

/// <summary>An issue or pull request conversation comment.</summary>
public sealed record StandInComment(
    long Id,
    string Repository,
    int IssueNumber,
    string Author,
    string Body,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
