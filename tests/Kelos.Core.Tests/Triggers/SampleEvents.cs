using Kelos.Contracts;

namespace Kelos.Core.Tests.Triggers;

/// <summary>Normalized events as the front end would publish them, for the trigger tests.</summary>
internal static class SampleEvents
{
    public static readonly GitHubRepositoryRef Repository = new("acme", "web", "main", Private: false);

    public static readonly DateTimeOffset ReceivedAt = new(2025, 1, 31, 9, 0, 0, TimeSpan.Zero);

    public static GitHubSubject Issue() => new(
        42, "Fix login", "The login page <!-- hidden -->fails.", "https://github.com/acme/web/issues/42",
        IsPullRequest: false, "open", "ann", ["bug", "ui"]);

    public static GitHubSubject PullRequest() => new(
        7, "Add cache", "Adds a cache.", "https://github.com/acme/web/pull/7",
        IsPullRequest: true, "open", "bob", ["perf"], Draft: false, HeadBranch: "feature/cache",
        HeadSha: "0123456789abcdef0123456789abcdef01234567", HeadRepository: "acme/web", BaseBranch: "main");

    public static GitHubComment Comment(string body) => new(
        9001, body, "https://github.com/acme/web/issues/42#issuecomment-9001", "carol", "MEMBER");

    public static GitHubEventReceived IssueComment(string body, GitHubSubject? subject = null) => new(
        "delivery-1", "issue_comment", "created", 1, Repository, new GitHubActor("carol", 3, "User"),
        subject ?? Issue(), Comment(body), null, null, ReceivedAt);

    public static GitHubEventReceived Issues(string action, string? label = null) => new(
        "delivery-2", "issues", action, 1, Repository, new GitHubActor("ann", 1, "User"),
        Issue(), null, label, null, ReceivedAt);

    public static GitHubEventReceived PullRequestEvent(string action, GitHubSubject? subject = null) => new(
        "delivery-3", "pull_request", action, 1, Repository, new GitHubActor("bob", 2, "User"),
        subject ?? PullRequest(), null, null, null, ReceivedAt);

    public static GitHubEventReceived CheckRun(string name, string? conclusion, string? headBranch = "feature/cache") => new(
        "delivery-4", "check_run", "completed", 1, Repository, new GitHubActor("github-actions[bot]", 4, "Bot"),
        null, null, null, new GitHubCheckRunRef(55, name, conclusion, "fedcba9876543210fedcba9876543210fedcba98", headBranch),
        ReceivedAt);
}
