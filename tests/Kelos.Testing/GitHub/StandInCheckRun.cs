namespace Kelos.Testing.GitHub;

/// <summary>A check run as last created or updated.</summary>
/// <param name="Status">queued, in_progress or completed.</param>
/// <param name="Conclusion">success, failure, cancelled, … once completed.</param>
public sealed record StandInCheckRun(
    long Id,
    string Repository,
    string Name,
    string HeadSha,
    string Status,
    string? Conclusion,
    string? Title,
    string? Summary,
    string? Text,
    string? DetailsUrl,
    string? ExternalId,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt);
