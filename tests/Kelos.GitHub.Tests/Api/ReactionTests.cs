using Kelos.Testing.GitHub;
using Octokit;

namespace Kelos.GitHub.Tests.Api;

public sealed class ReactionTests
{
    [Fact]
    public async Task IssueComment_SameReactionTwice_201Then200AndOneReaction()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var issue = harness.GitHub.AddIssue(GitHubAppHarness.Repository, "Bug");
        var comment = harness.GitHub.AddIssueComment(GitHubAppHarness.Repository, issue, "alice", "/kelos run");

        var first = await harness.InstallationClient.Reaction.IssueComment.Create("acme", "widgets", comment, new NewReaction(ReactionType.Eyes));
        var second = await harness.InstallationClient.Reaction.IssueComment.Create("acme", "widgets", comment, new NewReaction(ReactionType.Eyes));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(ReactionType.Eyes, first.Content.Value);
        var path = $"/repos/acme/widgets/issues/comments/{comment}/reactions";
        Assert.Equal([201, 200], harness.GitHub.Calls.Where(c => c.ApiPath == path).Select(c => c.StatusCode));
        var reaction = Assert.Single(harness.GitHub.Reactions(GitHubAppHarness.Repository, StandInReactionTarget.IssueComment, comment));
        Assert.Equal("eyes", reaction.Content);
        Assert.Equal(harness.GitHub.BotLogin, reaction.User);
    }

    [Fact]
    public async Task IssueComment_DifferentReactions_AreKeptApart()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var issue = harness.GitHub.AddIssue(GitHubAppHarness.Repository, "Bug");
        var comment = harness.GitHub.AddIssueComment(GitHubAppHarness.Repository, issue, "alice", "/kelos run");

        await harness.InstallationClient.Reaction.IssueComment.Create("acme", "widgets", comment, new NewReaction(ReactionType.Eyes));
        await harness.InstallationClient.Reaction.IssueComment.Create("acme", "widgets", comment, new NewReaction(ReactionType.Rocket));

        Assert.Equal(
            ["eyes", "rocket"],
            harness.GitHub.Reactions(GitHubAppHarness.Repository, StandInReactionTarget.IssueComment, comment).Select(r => r.Content));
    }

    [Fact]
    public async Task Issue_Reaction_IsRecordedOnTheIssue()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var issue = harness.GitHub.AddIssue(GitHubAppHarness.Repository, "Labelled");

        await harness.InstallationClient.Reaction.Issue.Create("acme", "widgets", issue, new NewReaction(ReactionType.Plus1));

        Assert.Equal("+1", Assert.Single(harness.GitHub.Reactions(GitHubAppHarness.Repository, StandInReactionTarget.Issue, issue)).Content);
    }

    [Fact]
    public async Task ReviewComment_Reaction_IsRecordedOnTheReviewComment()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var pull = harness.GitHub.AddPullRequest(GitHubAppHarness.Repository, "Change", "feature");
        var comment = harness.GitHub.AddReviewComment(GitHubAppHarness.Repository, pull, "alice", "/kelos run fix this", "src/a.cs", 3);

        await harness.InstallationClient.Reaction.PullRequestReviewComment.Create("acme", "widgets", comment, new NewReaction(ReactionType.Confused));

        Assert.Equal(
            "confused",
            Assert.Single(harness.GitHub.Reactions(GitHubAppHarness.Repository, StandInReactionTarget.ReviewComment, comment)).Content);
    }

    [Fact]
    public async Task IssueComment_MissingComment_Gets404()
    {
        await using var harness = await GitHubAppHarness.StartAsync();

        await Assert.ThrowsAsync<NotFoundException>(() =>
            harness.InstallationClient.Reaction.IssueComment.Create("acme", "widgets", 12345, new NewReaction(ReactionType.Eyes)));
    }
}
