using Kelos.Contracts;
using Kelos.Core.Resources;
using Kelos.GitHub.Tests.Api;
using Kelos.GitHub.Triggers;

namespace Kelos.GitHub.Tests.Triggers;

/// <summary>The trigger parts that ask GitHub (trust, PR details, the whole review), against the stand-in over HTTP.</summary>
public sealed class GitHubApiTriggerTests : IAsyncLifetime
{
    private GitHubAppHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await GitHubAppHarness.StartAsync();

    private RepositoryTrustCheck Trust => new(_harness.Permissions);

    private Task<TrustVerdict> CheckAsync(string user, CommentPolicy? policy = null) =>
        Trust.CheckAsync(_harness.Installation.Id, "acme", "widgets", user, policy, CancellationToken.None);

    [Fact]
    public async Task Trust_WriterAllowed_ReaderRefusedSayingWhy()
    {
        _harness.GitHub.SetCollaborator(GitHubAppHarness.Repository, "alice", "write");
        _harness.GitHub.SetCollaborator(GitHubAppHarness.Repository, "bob", "read");

        Assert.True((await CheckAsync("alice")).Allowed);
        Assert.Equal("@bob has read access on acme/widgets; this needs write access", (await CheckAsync("bob")).Reason);
        Assert.Equal("@mallory has no access on acme/widgets; this needs write access", (await CheckAsync("mallory")).Reason);
    }

    [Fact]
    public async Task Trust_TeamMemberOrAllowedUser_AllowedWithoutWriteAccess()
    {
        _harness.GitHub.SetCollaborator(GitHubAppHarness.Repository, "dana", "read");
        _harness.GitHub.AddTeamMember("acme", "agents", "dana");
        var policy = new CommentPolicy { AllowedTeams = ["acme/agents"], AllowedUsers = ["erin"] };

        Assert.True((await CheckAsync("dana", policy)).Allowed);
        Assert.True((await CheckAsync("erin", policy)).Allowed);
        Assert.Contains("is not in acme/agents", (await CheckAsync("frank", policy)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trust_MinimumPermissionTriage_TriageAllowed()
    {
        _harness.GitHub.SetCollaborator(GitHubAppHarness.Repository, "gus", "triage");

        Assert.True((await CheckAsync("gus", new CommentPolicy { MinimumPermission = "triage" })).Allowed);
        Assert.False((await CheckAsync("gus")).Allowed);
    }

    [Fact]
    public async Task Enrich_CommentOnPullRequest_HeadBaseAndForkFilledIn()
    {
        var number = _harness.GitHub.AddPullRequest(GitHubAppHarness.Repository, "Add a feature", "feature/x", "alice");
        var e = Comment(number, "issue_comment", new GitHubComment(1, "/kelos run x", "u", "alice", "MEMBER"));

        var enriched = await new GitHubEventEnricher(_harness.Clients).EnrichAsync(e);

        Assert.Equal("feature/x", enriched.Subject!.HeadBranch);
        Assert.Equal("main", enriched.Subject.BaseBranch);
        Assert.Equal("acme/widgets", enriched.Subject.HeadRepository);
        Assert.Null(TriggerPlanner.ForkOf(enriched));
    }

    [Fact]
    public async Task Enrich_Review_ConversationHoldsEveryCommentWithFileAndLine()
    {
        var number = _harness.GitHub.AddPullRequest(GitHubAppHarness.Repository, "Add a feature", "feature/x", "alice");
        var review = _harness.GitHub.AddReview(GitHubAppHarness.Repository, number, "carol", "CHANGES_REQUESTED", "Please fix these.");
        _harness.GitHub.AddReviewComment(GitHubAppHarness.Repository, number, "carol", "off by one", "src/a.cs", 3, review);
        _harness.GitHub.AddReviewComment(GitHubAppHarness.Repository, number, "carol", "missing test", "src/b.cs", 9, review);
        var e = Comment(number, "pull_request_review", new GitHubComment(review, "Please fix these.", "u", "carol", "MEMBER", ReviewId: review, ReviewState: "changes_requested"));

        var enriched = await new GitHubEventEnricher(_harness.Clients).EnrichAsync(e);

        Assert.Contains("Please fix these.", enriched.Conversation, StringComparison.Ordinal);
        Assert.Contains("`src/a.cs` line 3: off by one", enriched.Conversation, StringComparison.Ordinal);
        Assert.Contains("off by one", enriched.Conversation, StringComparison.Ordinal);
        Assert.Contains("`src/b.cs` line 9: missing test", enriched.Conversation, StringComparison.Ordinal);
        Assert.Contains("missing test", enriched.Conversation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrich_ReviewCommentInAThread_ConversationHoldsTheThread()
    {
        var number = _harness.GitHub.AddPullRequest(GitHubAppHarness.Repository, "Add a feature", "feature/x", "alice");
        var root = _harness.GitHub.AddReviewComment(GitHubAppHarness.Repository, number, "carol", "why a loop here?", "src/a.cs", 12);
        var reply = _harness.GitHub.AddReviewComment(GitHubAppHarness.Repository, number, "alice", "/kelos run use LINQ instead", "src/a.cs", 12, inReplyTo: root);
        _harness.GitHub.AddReviewComment(GitHubAppHarness.Repository, number, "carol", "unrelated", "src/z.cs", 1);
        var e = Comment(number, "pull_request_review_comment", new GitHubComment(reply, "/kelos run use LINQ instead", "u", "alice", "MEMBER", "src/a.cs", 12, InReplyToId: root));

        var enriched = await new GitHubEventEnricher(_harness.Clients).EnrichAsync(e);

        Assert.Contains("Review thread on `src/a.cs` line 12", enriched.Conversation, StringComparison.Ordinal);
        Assert.Contains("@carol: why a loop here?", enriched.Conversation, StringComparison.Ordinal);
        Assert.Contains("@alice: /kelos run use LINQ instead", enriched.Conversation, StringComparison.Ordinal);
        Assert.DoesNotContain("unrelated", enriched.Conversation, StringComparison.Ordinal);
    }

    private GitHubEventReceived Comment(int number, string eventName, GitHubComment comment) =>
        new("d", eventName, eventName == "pull_request_review" ? "submitted" : "created", _harness.Installation.Id, new GitHubRepositoryRef("acme", "widgets", "main", false),
            new GitHubActor(comment.Author, 1, "User"), new GitHubSubject(number, "Add a feature", "", "u", true, "open", "alice", []), comment, null, null, DateTimeOffset.UnixEpoch);

    public async Task DisposeAsync() => await _harness.DisposeAsync();
}
