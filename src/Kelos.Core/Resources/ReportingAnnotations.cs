namespace Kelos.Core.Resources;

/// <summary>
/// Annotations of a Task that concern the reporter: the settings copied from its spawner's <c>reporting</c> block when
/// it was spawned (so a deleted spawner changes nothing), and the reporter's own state — which comment tracks the
/// Task, what it last reported, its check run and pull request — so a restarted reporter carries on where it stopped.
/// The reporter writes only these; Task status stays the controller's.
/// </summary>
public static class ReportingAnnotations
{
    /// <summary><c>PerTask</c> (one tracking comment per Task, the default) or <c>Sticky</c> (one per spawner and issue).</summary>
    public const string CommentsMode = "kelos.dev/report-comments";

    /// <summary><c>draft</c> (default), <c>ready</c> or <c>none</c>.</summary>
    public const string PullRequestMode = "kelos.dev/report-pull-request";

    /// <summary><c>plan</c> or <c>review</c>: the final answer is posted as its own comment.</summary>
    public const string AnswerMode = "kelos.dev/report-answer";

    /// <summary><c>false</c> turns the check run off.</summary>
    public const string CheckRunEnabled = "kelos.dev/report-check-run";

    /// <summary><c>false</c> turns 🚀/😕 off.</summary>
    public const string ReactionsEnabled = "kelos.dev/report-reactions";

    /// <summary>The tracking comment's id.</summary>
    public const string CommentId = "kelos.dev/report-comment-id";

    /// <summary>The phase the tracking comment last showed.</summary>
    public const string ReportedPhase = "kelos.dev/reported-phase";

    /// <summary>A digest of the tracking comment's last body: an unchanged report is not sent again.</summary>
    public const string ReportedDigest = "kelos.dev/reported-digest";

    /// <summary>The check run's id.</summary>
    public const string CheckRunId = "kelos.dev/check-run-id";

    /// <summary>The pull request that holds the Task's work: its number.</summary>
    public const string PullRequest = "kelos.dev/pull-request";

    /// <summary>Set once everything a finished Task leads to was posted (answer, thread reply, reaction).</summary>
    public const string Finalized = "kelos.dev/report-finalized";

    public const string Sticky = "Sticky";
    public const string PullRequestDraft = "draft";
    public const string PullRequestReady = "ready";
    public const string PullRequestNone = "none";

    /// <summary>Copies a spawner's <c>reporting</c> settings onto a Task it spawns (only those that are set).</summary>
    public static void CopySettings(ReportingSpec? reporting, IDictionary<string, string> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        if (reporting is null)
        {
            return;
        }

        Set(annotations, CommentsMode, reporting.Comments?.Mode);
        Set(annotations, PullRequestMode, reporting.PullRequest);
        Set(annotations, AnswerMode, reporting.Answer is "none" ? null : reporting.Answer);
        Set(annotations, CheckRunEnabled, reporting.CheckRun is false ? "false" : null);
        Set(annotations, ReactionsEnabled, reporting.Reactions is false ? "false" : null);
    }

    private static void Set(IDictionary<string, string> annotations, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            annotations[key] = value;
        }
    }
}
