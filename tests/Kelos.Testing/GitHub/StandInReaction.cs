namespace Kelos.Testing.GitHub;

/// <summary>A reaction (<c>+1</c>, <c>-1</c>, <c>laugh</c>, <c>confused</c>, <c>heart</c>, <c>hooray</c>, <c>rocket</c>, <c>eyes</c>).</summary>
/// <param name="TargetId">The comment id, or the issue number for <see cref="StandInReactionTarget.Issue"/>.</param>
public sealed record StandInReaction(
    long Id,
    string Repository,
    StandInReactionTarget Target,
    long TargetId,
    string Content,
    string User,
    DateTimeOffset CreatedAt);
