namespace Kelos.Core.Runtime;

/// <summary>
/// What the reporter did for a Task: which comment tracks it, what it last reported, its check run and pull request.
/// Kept apart from the Task's status (only the controller writes that). Embedded mode keeps it in files beside the
/// store, so reporting never wakes the controller; cluster mode keeps it in the Task's annotations.
/// </summary>
public interface IReportState
{
    /// <summary>The record of the Task with this uid, or an empty one.</summary>
    ReportRecord Find(string taskName, string? uid);

    void Save(string taskName, string? uid, ReportRecord record);
}

/// <summary>The reporter's record of one Task.</summary>
public sealed record ReportRecord(
    long? CommentId = null,
    string? ReportedPhase = null,
    string? ReportedDigest = null,
    long? CheckRunId = null,
    int? PullRequest = null,
    bool Finalized = false);
