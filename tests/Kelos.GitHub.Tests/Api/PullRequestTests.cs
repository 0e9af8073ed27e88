using Octokit;

namespace Kelos.GitHub.Tests.Api;

public sealed class PullRequestTests
{
    [Fact]
    public async Task Create_DraftThenRequestReview_IsRecorded()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        harness.GitHub.SetCollaborator(GitHubAppHarness.Repository, "alice", "write");

        var created = await harness.InstallationClient.PullRequest.Create("acme", "widgets", new NewPullRequest("Fix the bug", "kelos/task-1", "main")
        {
            Body = "Closes #1",
            Draft = true,
        });
        await harness.InstallationClient.PullRequest.ReviewRequest.Create("acme", "widgets", created.Number, new PullRequestReviewRequest(["alice"], []));

        var pull = Assert.Single(harness.GitHub.PullRequests(GitHubAppHarness.Repository));
        Assert.Equal((created.Number, "kelos/task-1", "main", true, harness.GitHub.BotLogin), (pull.Number, pull.Head, pull.Base, pull.Draft, pull.Author));
        Assert.Equal(["alice"], pull.RequestedReviewers);
        Assert.Equal("kelos/task-1", created.Head.Ref);
        Assert.True(created.Draft);
    }

    [Fact]
    public async Task Create_SameHeadTwice_Gets422()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        await harness.InstallationClient.PullRequest.Create("acme", "widgets", new NewPullRequest("One", "kelos/task-1", "main"));

        var error = await Assert.ThrowsAsync<ApiValidationException>(() =>
            harness.InstallationClient.PullRequest.Create("acme", "widgets", new NewPullRequest("Two", "acme:kelos/task-1", "main")));

        Assert.Contains("already exists", error.ApiError.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAll_ByHead_FindsTheAgentsPullRequest()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        harness.GitHub.AddPullRequest(GitHubAppHarness.Repository, "Someone else's", "feature");
        var mine = harness.GitHub.AddPullRequest(GitHubAppHarness.Repository, "Opened by the agent", "kelos/task-1");

        var found = await harness.InstallationClient.PullRequest.GetAllForRepository(
            "acme", "widgets", new PullRequestRequest { Head = "acme:kelos/task-1" });

        Assert.Equal(mine, Assert.Single(found).Number);
        Assert.Equal("Opened by the agent", (await harness.InstallationClient.PullRequest.Get("acme", "widgets", mine)).Title);
    }

    [Fact]
    public async Task RequestReview_FromTheAuthor_Gets422()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        harness.GitHub.SetCollaborator(GitHubAppHarness.Repository, "alice", "write");
        var pull = harness.GitHub.AddPullRequest(GitHubAppHarness.Repository, "Alice's", "feature", author: "alice");

        await Assert.ThrowsAsync<ApiValidationException>(() =>
            harness.InstallationClient.PullRequest.ReviewRequest.Create("acme", "widgets", pull, new PullRequestReviewRequest(["alice"], [])));
    }

    [Fact]
    public async Task Reply_InAReviewThread_JoinsTheThread()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var pull = harness.GitHub.AddPullRequest(GitHubAppHarness.Repository, "Change", "feature");
        var review = harness.GitHub.AddReview(GitHubAppHarness.Repository, pull, "alice", "CHANGES_REQUESTED", "Please fix");
        var top = harness.GitHub.AddReviewComment(GitHubAppHarness.Repository, pull, "alice", "off by one", "src/a.cs", 10, review);

        var octokitReply = await harness.InstallationClient.PullRequest.ReviewComment.CreateReply(
            "acme", "widgets", pull, new PullRequestReviewCommentReplyCreate("Fixed in abc123", top));
        var reviewComments = await harness.InstallationClient.Connection.Get<List<PullRequestReviewComment>>(
            new Uri($"repos/acme/widgets/pulls/{pull}/reviews/{review}/comments", UriKind.Relative), null);

        Assert.Equal(top, octokitReply.InReplyToId);
        Assert.Equal("src/a.cs", octokitReply.Path);
        Assert.Equal(top, Assert.Single(reviewComments.Body).Id);
        Assert.Equal(["off by one", "Fixed in abc123"], harness.GitHub.ReviewComments(GitHubAppHarness.Repository, pull).Select(c => c.Body));
    }
}
