using System.Globalization;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Core.Store;

namespace Kelos.GitHub.Reporting;

/// <summary>
/// The reporter's records in the Task's own annotations (<see cref="ReportingAnnotations"/>): for cluster mode, where
/// the Task resource is the only place that outlives the reporter's pod. Never touches status.
/// </summary>
public sealed class AnnotationReportState(IResourceStore store) : IReportState
{
    public ReportRecord Find(string taskName, string? uid)
    {
        var task = store.Find<KelosTask>(taskName);
        if (task is null || task.Metadata.Uid != uid)
        {
            return new ReportRecord();
        }

        return new ReportRecord(
            Long(task.Annotation(ReportingAnnotations.CommentId)),
            task.Annotation(ReportingAnnotations.ReportedPhase),
            task.Annotation(ReportingAnnotations.ReportedDigest),
            Long(task.Annotation(ReportingAnnotations.CheckRunId)),
            (int?)Long(task.Annotation(ReportingAnnotations.PullRequest)),
            task.Annotation(ReportingAnnotations.Finalized) == "true");
    }

    public void Save(string taskName, string? uid, ReportRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var values = new Dictionary<string, string?>
        {
            [ReportingAnnotations.CommentId] = record.CommentId?.ToString(CultureInfo.InvariantCulture),
            [ReportingAnnotations.ReportedPhase] = record.ReportedPhase,
            [ReportingAnnotations.ReportedDigest] = record.ReportedDigest,
            [ReportingAnnotations.CheckRunId] = record.CheckRunId?.ToString(CultureInfo.InvariantCulture),
            [ReportingAnnotations.PullRequest] = record.PullRequest?.ToString(CultureInfo.InvariantCulture),
            [ReportingAnnotations.Finalized] = record.Finalized ? "true" : null,
        };
        store.Update<KelosTask>(taskName, task =>
        {
            if (task.Metadata.Uid != uid)
            {
                return false;
            }

            var annotations = task.Metadata.Annotations ??= new Dictionary<string, string>();
            var changed = false;
            foreach (var (key, value) in values)
            {
                if (value is null ? annotations.Remove(key) : !annotations.TryGetValue(key, out var old) || old != value)
                {
                    if (value is not null)
                    {
                        annotations[key] = value;
                    }

                    changed = true;
                }
            }

            return changed;
        });
    }

    private static long? Long(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
