using Kelos.Core.Resources;

namespace Kelos.GitHub.Reporting;

/// <summary>A Task's reporting settings, copied from its spawner into its annotations when it was spawned.</summary>
public sealed record ReportSettings(
    bool Sticky,
    string PullRequestMode,
    string? AnswerMode,
    bool CheckRun,
    bool Reactions)
{
    public static ReportSettings Of(KelosTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new ReportSettings(
            task.Annotation(ReportingAnnotations.CommentsMode) == ReportingAnnotations.Sticky,
            task.Annotation(ReportingAnnotations.PullRequestMode) ?? ReportingAnnotations.PullRequestDraft,
            task.Annotation(ReportingAnnotations.AnswerMode),
            task.Annotation(ReportingAnnotations.CheckRunEnabled) != "false",
            task.Annotation(ReportingAnnotations.ReactionsEnabled) != "false");
    }

}
