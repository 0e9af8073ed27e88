namespace Kelos.GitHub.Replies;

/// <summary>Every comment template Kelos renders (<c>templates/comments/NAME.sbn</c>), each with its view model.</summary>
public static class CommentTemplateNames
{
    /// <summary>Tracking comment, Task created and not started: <see cref="Reporting.TrackingView"/>.</summary>
    public const string Accepted = "accepted";

    /// <summary>Tracking comment, Task waiting (dependency, branch lock, concurrency limit): <see cref="Reporting.TrackingView"/>.</summary>
    public const string Queued = "queued";

    /// <summary>Tracking comment, agent running: <see cref="Reporting.TrackingView"/>.</summary>
    public const string Running = "running";

    /// <summary>Tracking comment, Task succeeded: <see cref="Reporting.TrackingView"/>.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Tracking comment, Task failed: <see cref="Reporting.TrackingView"/>.</summary>
    public const string Failed = "failed";

    /// <summary>Tracking comment, Task cancelled: <see cref="Reporting.TrackingView"/>.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>A plan, posted as its own comment: <see cref="Reporting.AnswerView"/>.</summary>
    public const string Plan = "plan";

    /// <summary>A review's findings, posted as its own comment: <see cref="Reporting.AnswerView"/>.</summary>
    public const string Review = "review";

    /// <summary>The reply in the review thread a request came from: <see cref="Reporting.ThreadReplyView"/>.</summary>
    public const string ReviewReply = "review-reply";

    /// <summary>The body of a pull request Kelos opens: <see cref="Reporting.PullRequestBodyView"/>.</summary>
    public const string PullRequest = "pull-request";

    /// <summary>The summary of a Task's check run: <see cref="Reporting.TrackingView"/>.</summary>
    public const string CheckRun = "check-run";

    /// <summary><c>/kelos help</c>: <see cref="HelpView"/>.</summary>
    public const string Help = "help";

    /// <summary>A verb nobody handles: <see cref="HelpView"/>.</summary>
    public const string UnknownCommand = "unknown-command";

    /// <summary>A request that is refused, and why: <see cref="RefusedView"/>.</summary>
    public const string Refused = "refused";

    /// <summary><c>/kelos status</c>: <see cref="StatusView"/>.</summary>
    public const string Status = "status";

    /// <summary><c>/kelos cancel</c>: <see cref="CancelledView"/>.</summary>
    public const string CancelRequested = "cancel-requested";

    /// <summary><c>/kelos retry</c>: <see cref="RetriedView"/>.</summary>
    public const string Retried = "retried";

    public static readonly IReadOnlyList<string> All =
    [
        Accepted, Queued, Running, Succeeded, Failed, Cancelled, Plan, Review, ReviewReply, PullRequest, CheckRun,
        Help, UnknownCommand, Refused, Status, CancelRequested, Retried,
    ];
}
