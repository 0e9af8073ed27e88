using System.Globalization;
using Kelos.Contracts;
using Kelos.Core.Resources;

namespace Kelos.Core.Triggers;

/// <summary>The labels and annotations of a spawned Task: the template's, then Kelos's own (which win).</summary>
internal static class SourceMetadata
{
    public static Dictionary<string, string> Labels(TaskSpawner spawner)
    {
        return new Dictionary<string, string>(spawner.Spec.TaskTemplate.Metadata?.Labels ?? [], StringComparer.Ordinal)
        {
            [KelosAnnotations.SpawnerLabel] = spawner.Name,
        };
    }

    public static Dictionary<string, string> Annotations(TaskSpawner spawner, GitHubEventReceived e)
    {
        var annotations = new Dictionary<string, string>(spawner.Spec.TaskTemplate.Metadata?.Annotations ?? [], StringComparer.Ordinal);
        var subject = e.Subject;
        var kind = subject is null
            ? e.CheckRun is null ? null : SourceAnnotations.KindCheckRun
            : subject.IsPullRequest ? SourceAnnotations.KindPullRequest : SourceAnnotations.KindIssue;
        Set(annotations, SourceAnnotations.Kind, kind);
        Set(annotations, SourceAnnotations.Number, subject?.Number.ToString(CultureInfo.InvariantCulture));
        Set(annotations, SourceAnnotations.Owner, e.Repository?.Owner);
        Set(annotations, SourceAnnotations.Repo, e.Repository?.Name);
        Set(annotations, SourceAnnotations.Sha, subject?.HeadSha ?? e.CheckRun?.HeadSha);
        Set(annotations, SourceAnnotations.DeliveryId, e.DeliveryId);
        Set(annotations, SourceAnnotations.CommentId, e.Comment?.Id.ToString(CultureInfo.InvariantCulture));
        Set(annotations, SourceAnnotations.CommentKind, e.Comment is null ? null : CommentKind(e.Event));
        Set(annotations, SourceAnnotations.RequestedBy, e.Comment?.Author ?? e.Sender.Login);
        Set(annotations, SourceAnnotations.InstallationId, e.InstallationId?.ToString(CultureInfo.InvariantCulture));
        ReportingAnnotations.CopySettings(spawner.Spec.Reporting, annotations);
        return annotations;
    }

    private static string? CommentKind(string eventName) => eventName switch
    {
        "issue_comment" => SourceAnnotations.CommentKindIssue,
        "pull_request_review_comment" => SourceAnnotations.CommentKindReviewComment,
        "pull_request_review" => SourceAnnotations.CommentKindReview,
        _ => null,
    };

    private static void Set(Dictionary<string, string> annotations, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            annotations[key] = value;
        }
    }
}
