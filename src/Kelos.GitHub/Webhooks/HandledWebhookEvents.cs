using System.Collections.Frozen;

namespace Kelos.GitHub.Webhooks;

/// <summary>
/// The GitHub events and actions Kelos publishes as <see cref="Kelos.Contracts.GitHubEventReceived"/>; every other
/// event or action is answered 202 and ignored (GitHub adds actions over time, and they must never fail).
/// <list type="table">
/// <listheader><term>Event</term><description>Actions</description></listheader>
/// <item><term><c>issue_comment</c></term><description><c>created</c>, <c>edited</c> (slash commands, mentions)</description></item>
/// <item><term><c>issues</c></term><description><c>opened</c>, <c>edited</c>, <c>reopened</c>, <c>labeled</c></description></item>
/// <item><term><c>pull_request</c></term><description><c>opened</c>, <c>edited</c>, <c>reopened</c>, <c>synchronize</c>, <c>ready_for_review</c>, <c>labeled</c></description></item>
/// <item><term><c>pull_request_review</c></term><description><c>submitted</c></description></item>
/// <item><term><c>pull_request_review_comment</c></term><description><c>created</c>, <c>edited</c></description></item>
/// <item><term><c>check_run</c></term><description><c>completed</c> (CI remediation)</description></item>
/// <item><term><c>installation</c></term><description><c>created</c>, <c>deleted</c>, <c>suspend</c>, <c>unsuspend</c>, <c>new_permissions_accepted</c> (recorded)</description></item>
/// <item><term><c>installation_repositories</c></term><description><c>added</c>, <c>removed</c> (recorded)</description></item>
/// </list>
/// <c>ping</c> (sent when the webhook is created) is answered 200 and not published. Deleted comments,
/// unlabeled, closed, assigned and the like change nothing Kelos does, so they are not published.
/// </summary>
public static class HandledWebhookEvents
{
    /// <summary>The handled actions per event name (<c>X-GitHub-Event</c>).</summary>
    public static FrozenDictionary<string, FrozenSet<string>> Actions { get; } = new Dictionary<string, FrozenSet<string>>
    {
        [WebhookEventNames.IssueComment] = Set("created", "edited"),
        [WebhookEventNames.Issues] = Set("opened", "edited", "reopened", "labeled"),
        [WebhookEventNames.PullRequest] = Set("opened", "edited", "reopened", "synchronize", "ready_for_review", "labeled"),
        [WebhookEventNames.PullRequestReview] = Set("submitted"),
        [WebhookEventNames.PullRequestReviewComment] = Set("created", "edited"),
        [WebhookEventNames.CheckRun] = Set("completed"),
        [WebhookEventNames.Installation] = Set("created", "deleted", "suspend", "unsuspend", "new_permissions_accepted"),
        [WebhookEventNames.InstallationRepositories] = Set("added", "removed"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>True when Kelos publishes this event at all (some of its actions).</summary>
    public static bool IsHandledEvent(string eventName) => Actions.ContainsKey(eventName);

    /// <summary>True when Kelos publishes this event with this action.</summary>
    public static bool IsHandled(string eventName, string? action) =>
        action is not null && Actions.TryGetValue(eventName, out var actions) && actions.Contains(action);

    private static FrozenSet<string> Set(params string[] actions) => actions.ToFrozenSet(StringComparer.Ordinal);
}
