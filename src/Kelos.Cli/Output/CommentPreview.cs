using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.GitHub.Replies;
using Kelos.GitHub.Reporting;
using Kelos.Runtime.Local.Runs;
using Kelos.Runtime.Local.State;

namespace Kelos.Cli.Output;

/// <summary>
/// After <c>kelos run</c>, the tracking comment Kelos would have posted on GitHub for the Task, rendered from the same
/// templates (<c>KELOS_TEMPLATES_DIR</c> included), so a newcomer sees what the bot says before installing it.
/// </summary>
public static class CommentPreview
{
    public static async Task WriteAsync(KelosTask task, StateDirectory state, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(output);
        var tail = task.Status?.Phase == TaskPhase.Failed
            ? await new LocalTaskLogs(state).TailAsync(new KelosTaskRef(task.Name, task.Spec.Type ?? ""), 30, cancellationToken)
            : [];
        var renderer = new TrackingCommentRenderer(CommentTemplates.FromDefaultLocations(), TimeProvider.System);
        var body = renderer.Render(task, new TaskFacts(LogTail: tail), Environment.GetEnvironmentVariable(ReporterServiceCollectionExtensions.LogUrlVariable));
        output.WriteLine();
        output.WriteLine("── on GitHub, Kelos would have said: ─────────────────────────────");
        output.Write(body);
        output.WriteLine("──────────────────────────────────────────────────────────────────");
    }
}
