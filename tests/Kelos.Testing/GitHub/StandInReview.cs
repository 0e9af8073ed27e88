namespace Kelos.Testing.GitHub;

/// <summary>A pull request review.</summary>
/// <param name="State">APPROVED, CHANGES_REQUESTED or COMMENTED.</param>
public sealed record StandInReview(long Id, string Repository, int PullNumber, string Author, string State, string? Body);
