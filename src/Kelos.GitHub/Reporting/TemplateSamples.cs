using Kelos.GitHub.Replies;

namespace Kelos.GitHub.Reporting;

/// <summary>
/// A realistic view model for every comment template. At start, an operator's template is rendered with its sample,
/// so a misspelt variable stops the start (naming file and line) instead of failing when someone is waiting.
/// </summary>
public static class TemplateSamples
{
    public static TaskView Task(string phase) => new(
        Name: "run-issue-comment-3f2a9c1e07",
        Agent: "claude-code",
        Model: "claude-sonnet-4-5",
        AgentLabel: "claude-code (claude-sonnet-4-5)",
        Phase: phase,
        Message: phase switch
        {
            "Waiting" => "Waiting for branch \"kelos/issue-42\" (locked by run-issue-comment-77b0d2a4c1)",
            "Running" => "The agent is running (claude-code, model claude-sonnet-4-5)",
            "Failed" => "The model answered 401 Unauthorized: invalid x-api-key",
            "Cancelled" => "Cancelled by @alice",
            "Succeeded" => "The agent finished",
            _ => "Created",
        },
        Spawner: "run",
        RequestedBy: "alice",
        Subject: "issue",
        QueuePosition: phase is "Pending" or "Waiting" ? 2 : null,
        WaitKind: phase == "Waiting" ? "branch" : null,
        StartedAt: phase is "Pending" or "Waiting" ? null : "2026-11-24 10:03 UTC",
        Elapsed: phase == "Running" ? "1m12s" : null,
        Duration: phase is "Succeeded" or "Failed" or "Cancelled" ? "3m41s" : null,
        LogUrl: "https://kelos.example.com/tasks/run-issue-comment-3f2a9c1e07/logs",
        Branch: new BranchView(
            "kelos/issue-42",
            "https://github.com/acme/widgets/tree/kelos/issue-42",
            "main",
            "https://github.com/acme/widgets/compare/main...kelos/issue-42",
            "https://github.com/acme/widgets/compare/main...kelos/issue-42?expand=1",
            phase == "Succeeded" ? "9fceb02d0ae598e95dc970b74767f19372d61af8" : null,
            phase == "Succeeded" ? "9fceb02" : null,
            phase == "Succeeded" ? "https://github.com/acme/widgets/commit/9fceb02d0ae598e95dc970b74767f19372d61af8" : null),
        PullRequest: phase == "Succeeded" ? new PullRequestView(43, "https://github.com/acme/widgets/pull/43", Draft: true, OpenedByKelos: true) : null,
        Answer: phase == "Succeeded" ? "Fixed the typo in `README.md` (\"teh\" → \"the\") and added a spelling check to CI." : null,
        AnswerIsLong: false,
        AnswerPostedSeparately: false,
        Usage: phase is "Succeeded" or "Failed" ? new UsageView("48,213", "3,377", phase == "Succeeded" ? "0.42" : null) : null,
        LogTail: phase == "Failed" ? ["Reading README.md", "error: 401 Unauthorized: invalid x-api-key"] : [],
        LogFence: "```",
        CancelledBy: phase == "Cancelled" ? "@alice" : null);

    /// <summary>The sample view model of the template named <paramref name="name"/>.</summary>
    public static object For(string name) => name switch
    {
        CommentTemplateNames.Accepted => new TrackingView(Task("Pending")),
        CommentTemplateNames.Queued => new TrackingView(Task("Waiting")),
        CommentTemplateNames.Running => new TrackingView(Task("Running")),
        CommentTemplateNames.Succeeded or CommentTemplateNames.CheckRun => new TrackingView(Task("Succeeded")),
        CommentTemplateNames.Failed => new TrackingView(Task("Failed")),
        CommentTemplateNames.Cancelled => new TrackingView(Task("Cancelled")),
        CommentTemplateNames.Plan => new AnswerView(Task("Succeeded"), "1. Change `parse` to accept CRLF.\n2. Add a test with a Windows file.", 1, 1),
        CommentTemplateNames.Review => new AnswerView(Task("Succeeded"), "- `src/parse.cs:12`: the loop never ends on empty input.", 1, 1),
        CommentTemplateNames.ReviewReply => new ThreadReplyView(Task("Succeeded"), "Renamed `tmp` to `buffer` as suggested."),
        CommentTemplateNames.PullRequest => new PullRequestBodyView(Task("Succeeded"), 42, "The README has a typo"),
        CommentTemplateNames.Help or CommentTemplateNames.UnknownCommand => new HelpView(
            name == CommentTemplateNames.UnknownCommand ? "frobnicate" : null,
            [new("run", "<text>", "implement it on a new branch and open a draft pull request"), new("cancel", null, "stop this issue's or pull request's unfinished Tasks")],
            "kelos"),
        CommentTemplateNames.Refused => new RefusedView("/kelos run delete it", "@bob has read access on acme/widgets; this needs write access"),
        CommentTemplateNames.Status => new StatusView("issue", [new("run-issue-comment-1", "claude-code", "Running", "The agent is running (claude-code)")]),
        CommentTemplateNames.CancelRequested => new CancelledView("issue", ["run-issue-comment-1"], "alice"),
        CommentTemplateNames.Retried => new RetriedView("issue", "run-issue-comment-1", "run-issue-comment-1-r3c9d2a", "alice"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such comment template"),
    };
}
