using Kelos.Core.Resources;

namespace Kelos.GitHub.Reporting;

/// <summary>A Task's reporting settings (copied from its spawner) and the reporter's state, from its annotations.</summary>
public sealed record ReportSettings(
    bool Sticky,
    string PullRequestMode,
    string? AnswerMode,
    bool CheckRun,
    bool Reactions,
    long? CommentId,
    string? ReportedPhase,
    string? ReportedDigest,
    long? CheckRunId,
    int? PullRequest,
    bool Finalized)
{
    public static ReportSettings Of(KelosTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new ReportSettings(
            task.Annotation(ReportingAnnotations.CommentsMode) == ReportingAnnotations.Sticky,
            task.Annotation(ReportingAnnotations.PullRequestMode) ?? ReportingAnnotations.PullRequestDraft,
            task.Annotation(ReportingAnnotations.AnswerMode),
            task.Annotation(ReportingAnnotations.CheckRunEnabled) != "false",
            task.Annotation(ReportingAnnotations.ReactionsEnabled) != "false",
            Long(task.Annotation(ReportingAnnotations.CommentId)),
            task.Annotation(ReportingAnnotations.ReportedPhase),
            task.Annotation(ReportingAnnotations.ReportedDigest),
            Long(task.Annotation(ReportingAnnotations.CheckRunId)),
            (int?)Long(task.Annotation(ReportingAnnotations.PullRequest)),
            task.Annotation(ReportingAnnotations.Finalized) == "true");
    }

    private static long? Long(string? text) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
