using Kelos.Contracts;

namespace Kelos.GitHub.Tests.Triggers;

/// <summary>Normalized GitHub events for planner tests.</summary>
internal static class Events
{
    public static readonly GitHubRepositoryRef Repo = new("acme", "widgets", "main", false);

    public static GitHubSubject Issue(int number = 7) =>
        new(number, "The README has a typo", "It says teh.", "https://github.com/acme/widgets/issues/7", false, "open", "alice", []);

    public static GitHubEventReceived Comment(string body, string sender = "alice", string senderType = "User", GitHubSubject? subject = null, long commentId = 1001) =>
        new($"delivery-{commentId}", "issue_comment", "created", 42, Repo, new GitHubActor(sender, 1, senderType), subject ?? Issue(),
            new GitHubComment(commentId, body, $"https://github.com/acme/widgets/issues/7#issuecomment-{commentId}", sender, "MEMBER"),
            null, null, DateTimeOffset.UnixEpoch);

    public static GitHubEventReceived Review(string state, string conversation) =>
        new("delivery-review", "pull_request_review", "submitted", 42, Repo, new GitHubActor("carol", 3, "User"),
            Issue() with { IsPullRequest = true, HeadBranch = "feature/x", HeadRepository = "acme/widgets", BaseBranch = "main" },
            new GitHubComment(555, "Please fix these.", "https://github.com/acme/widgets/pull/7#pullrequestreview-555", "carol", "MEMBER", ReviewId: 555, ReviewState: state),
            null, null, DateTimeOffset.UnixEpoch, conversation);

    public static GitHubEventReceived Labeled(string label, string sender = "alice") =>
        new("delivery-label", "issues", "labeled", 42, Repo, new GitHubActor(sender, 1, "User"), Issue() with { Labels = [label] },
            null, label, null, DateTimeOffset.UnixEpoch);
}
