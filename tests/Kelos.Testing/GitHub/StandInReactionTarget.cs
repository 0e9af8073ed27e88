namespace Kelos.Testing.GitHub;

/// <summary>What a reaction is on.</summary>
public enum StandInReactionTarget
{
    /// <summary>An issue or pull request conversation comment.</summary>
    IssueComment,

    /// <summary>An issue or pull request itself.</summary>
    Issue,

    /// <summary>A pull request review comment.</summary>
    ReviewComment,
}
