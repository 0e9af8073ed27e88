namespace Kelos.GitHub.Reporting;

// The view models of the reporter's templates. Templates see them with snake_case names (task.agent_label, …).

/// <summary>The Task as every tracking-comment (and check-run) template sees it: <c>task</c>.</summary>
public sealed record TrackingView(TaskView Task);

/// <summary>What is known about a Task when it is reported.</summary>
/// <param name="Name">The Task's name.</param>
/// <param name="AgentLabel">The agent and model in words, e.g. <c>claude-code (claude-sonnet-4-5)</c>.</param>
/// <param name="Phase">Pending, Waiting, Running, Succeeded, Failed or Cancelled.</param>
/// <param name="Message">The controller's message for the phase.</param>
/// <param name="Subject"><c>issue</c> or <c>pull request</c>.</param>
/// <param name="WaitKind">For a waiting Task: <c>dependency</c>, <c>branch</c>, <c>capacity</c> or <c>other</c>.</param>
/// <param name="StartedAt">When the agent started, as <c>2026-11-24 10:03 UTC</c>.</param>
/// <param name="Elapsed">For a running Task: how long it has run when the comment was written.</param>
/// <param name="Duration">For a finished Task: from start to end.</param>
/// <param name="LogUrl">A link to the Task's logs, when the operator configured one.</param>
/// <param name="Answer">The agent's final answer (trimmed to fit a comment).</param>
/// <param name="AnswerIsLong">True when the answer is long enough to collapse.</param>
/// <param name="AnswerPostedSeparately">True when the answer is posted as its own comment (plans, reviews).</param>
/// <param name="LogTail">For a failed Task: the last lines of its log.</param>
/// <param name="LogFence">A code fence longer than any run of backticks in <paramref name="LogTail"/>.</param>
public sealed record TaskView(
    string Name,
    string Agent,
    string? Model,
    string AgentLabel,
    string Phase,
    string Message,
    string? Spawner,
    string? RequestedBy,
    string Subject,
    int? QueuePosition,
    string? WaitKind,
    string? StartedAt,
    string? Elapsed,
    string? Duration,
    string? LogUrl,
    BranchView? Branch,
    PullRequestView? PullRequest,
    string? Answer,
    bool AnswerIsLong,
    bool AnswerPostedSeparately,
    UsageView? Usage,
    IReadOnlyList<string> LogTail,
    string LogFence,
    string? CancelledBy);

/// <summary>The Task's branch, with links on GitHub (none without GitHub).</summary>
/// <param name="NewPullRequestUrl">The compare page that opens a pull request for the branch.</param>
public sealed record BranchView(
    string Name,
    string? Url,
    string? Base,
    string? CompareUrl,
    string? NewPullRequestUrl,
    string? Commit,
    string? CommitShort,
    string? CommitUrl);

/// <summary>The pull request that holds the Task's work.</summary>
/// <param name="OpenedByKelos">True when Kelos opened it for this Task (not the agent, not a person).</param>
public sealed record PullRequestView(int Number, string Url, bool Draft, bool OpenedByKelos);

/// <summary>Tokens and cost, as the agent reported them; cost only when known.</summary>
public sealed record UsageView(string? InputTokens, string? OutputTokens, string? CostUsd);

/// <summary>A plan or a review posted as its own comment: the agent's text, maybe one part of several.</summary>
public sealed record AnswerView(TaskView Task, string Text, int Part, int Parts);

/// <summary>The reply in a review thread: what the agent did about the comment, and the commit.</summary>
public sealed record ThreadReplyView(TaskView Task, string? Text);

/// <summary>The body of a pull request Kelos opens for a Task started from an issue.</summary>
public sealed record PullRequestBodyView(TaskView Task, int IssueNumber, string IssueTitle);
