using Kelos.Core.Resources;
using Kelos.GitHub.Replies;

namespace Kelos.GitHub.Reporting;

/// <summary>
/// Renders a Task's tracking comment for its current phase, from the template of that phase. The reporter posts it on
/// GitHub; without GitHub, <c>kelos run</c> prints it, so what would be posted can be seen.
/// </summary>
public sealed class TrackingCommentRenderer(CommentTemplates templates, TimeProvider time)
{
    public string Render(KelosTask task, TaskFacts facts, string? logUrlTemplate)
    {
        ArgumentNullException.ThrowIfNull(task);
        var view = TaskViews.Build(task, facts, time.GetUtcNow(), logUrlTemplate);
        return templates.Render(TemplateFor(view.Phase), new TrackingView(view));
    }

    /// <summary>The check run's summary, from <c>check-run.sbn</c>.</summary>
    public string RenderCheckRunSummary(KelosTask task, TaskFacts facts, string? logUrlTemplate)
    {
        ArgumentNullException.ThrowIfNull(task);
        return templates.Render(CommentTemplateNames.CheckRun, new TrackingView(TaskViews.Build(task, facts, time.GetUtcNow(), logUrlTemplate)));
    }

    public static string TemplateFor(string phase) => phase switch
    {
        TaskPhase.Waiting => CommentTemplateNames.Queued,
        TaskPhase.Running => CommentTemplateNames.Running,
        TaskPhase.Succeeded => CommentTemplateNames.Succeeded,
        TaskPhase.Failed => CommentTemplateNames.Failed,
        TaskPhase.Cancelled => CommentTemplateNames.Cancelled,
        _ => CommentTemplateNames.Accepted,
    };
}
