using System.Globalization;
using Kelos.Core.Resources;
using Kelos.Core.Triggers;

namespace Kelos.GitHub.Reporting;

/// <summary>Where a Task's reports go on GitHub, read from the source annotations it was spawned with.</summary>
/// <param name="Number">The issue or pull request; null for a Task started by a check run alone.</param>
/// <param name="Sha">The pull request's head commit when the Task started (for its check run).</param>
/// <param name="CommentId">The comment that asked, when one did.</param>
/// <param name="CommentKind"><see cref="SourceAnnotations.CommentKindIssue"/>, <c>review-comment</c> or <c>review</c>.</param>
public sealed record ReportTarget(
    long InstallationId,
    string Owner,
    string Repository,
    int? Number,
    bool IsPullRequest,
    string? Sha,
    long? CommentId,
    string? CommentKind,
    string? RequestedBy)
{
    public string FullName => $"{Owner}/{Repository}";

    /// <summary>The target of a Task spawned from a GitHub event; null for any other Task (nothing to report to).</summary>
    public static ReportTarget? From(KelosTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Annotation(SourceAnnotations.Owner) is not { Length: > 0 } owner
            || task.Annotation(SourceAnnotations.Repo) is not { Length: > 0 } repo
            || !long.TryParse(task.Annotation(SourceAnnotations.InstallationId), NumberStyles.None, CultureInfo.InvariantCulture, out var installation))
        {
            return null;
        }

        return new ReportTarget(
            installation,
            owner,
            repo,
            int.TryParse(task.Annotation(SourceAnnotations.Number), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null,
            task.Annotation(SourceAnnotations.Kind) == SourceAnnotations.KindPullRequest,
            task.Annotation(SourceAnnotations.Sha),
            long.TryParse(task.Annotation(SourceAnnotations.CommentId), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : null,
            task.Annotation(SourceAnnotations.CommentKind),
            task.Annotation(SourceAnnotations.RequestedBy));
    }
}
