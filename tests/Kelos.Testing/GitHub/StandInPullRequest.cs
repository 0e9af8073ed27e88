namespace Kelos.Testing.GitHub;

/// <summary>A pull request, seeded or opened through the API.</summary>
/// <param name="Head">The head branch name (without an owner prefix).</param>
/// <param name="Base">The base branch name.</param>
/// <param name="RequestedReviewers">Logins whose review was requested, in order.</param>
public sealed record StandInPullRequest(
    string Repository,
    int Number,
    string Title,
    string? Body,
    string Author,
    string Head,
    string Base,
    string HeadSha,
    bool Draft,
    string State,
    IReadOnlyList<string> RequestedReviewers,
    DateTimeOffset CreatedAt);
