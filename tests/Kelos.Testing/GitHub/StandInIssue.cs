namespace Kelos.Testing.GitHub;

/// <summary>An issue, or the issue side of a pull request (they share numbers and comments).</summary>
public sealed record StandInIssue(
    string Repository,
    int Number,
    string Title,
    string? Body,
    string Author,
    bool IsPullRequest,
    string State,
    DateTimeOffset CreatedAt);
