using Kelos.Testing.GitHub;
using Octokit;

namespace Kelos.GitHub.Tests.Api;

public sealed class IssueCommentTests
{
    [Fact]
    public async Task CreateThenUpdate_EditsTheSameComment()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var issue = harness.GitHub.AddIssue(GitHubAppHarness.Repository, "Bug");

        var created = await harness.InstallationClient.Issue.Comment.Create("acme", "widgets", issue, "<!-- kelos:task:t1 -->\nqueued");
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        var updated = await harness.InstallationClient.Issue.Comment.Update("acme", "widgets", created.Id, "<!-- kelos:task:t1 -->\nrunning");

        var comment = Assert.Single(harness.GitHub.IssueComments(GitHubAppHarness.Repository, issue));
        Assert.Equal(created.Id, updated.Id);
        Assert.Equal("<!-- kelos:task:t1 -->\nrunning", comment.Body);
        Assert.Equal(harness.GitHub.BotLogin, comment.Author);
        Assert.Equal(harness.GitHub.BotLogin, updated.User.Login);
        Assert.Equal(AccountType.Bot, updated.User.Type);
        Assert.True(updated.UpdatedAt > updated.CreatedAt);
    }

    [Fact]
    public async Task GetAllForIssue_ListsPeoplesAndOurComments()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var issue = harness.GitHub.AddIssue(GitHubAppHarness.Repository, "Bug");
        harness.GitHub.AddIssueComment(GitHubAppHarness.Repository, issue, "alice", "/kelos run");
        await harness.InstallationClient.Issue.Comment.Create("acme", "widgets", issue, "on it");

        var comments = await harness.InstallationClient.Issue.Comment.GetAllForIssue("acme", "widgets", issue);

        Assert.Equal(["alice", harness.GitHub.BotLogin], comments.Select(c => c.User.Login));
        Assert.Equal("/kelos run", (await harness.InstallationClient.Issue.Comment.Get("acme", "widgets", comments[0].Id)).Body);
    }

    [Fact]
    public async Task Update_SomeoneElsesComment_IsForbidden()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var issue = harness.GitHub.AddIssue(GitHubAppHarness.Repository, "Bug");
        var theirs = harness.GitHub.AddIssueComment(GitHubAppHarness.Repository, issue, "alice", "mine");

        await Assert.ThrowsAsync<ForbiddenException>(() => harness.InstallationClient.Issue.Comment.Update("acme", "widgets", theirs, "edited"));
        Assert.Equal("mine", harness.GitHub.FindComment(theirs)!.Body);
    }

    [Fact]
    public async Task Create_BodyAtTheLimit_IsAccepted()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var issue = harness.GitHub.AddIssue(GitHubAppHarness.Repository, "Bug");

        await harness.InstallationClient.Issue.Comment.Create("acme", "widgets", issue, new string('x', GitHubLimits.MaxBodyLength));

        Assert.Single(harness.GitHub.IssueComments(GitHubAppHarness.Repository, issue));
    }

    [Fact]
    public async Task Create_BodyOverTheLimit_Gets422BodyTooLong()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var issue = harness.GitHub.AddIssue(GitHubAppHarness.Repository, "Bug");

        var error = await Assert.ThrowsAsync<ApiValidationException>(() =>
            harness.InstallationClient.Issue.Comment.Create("acme", "widgets", issue, new string('x', GitHubLimits.MaxBodyLength + 1)));

        Assert.Equal(422, (int)error.StatusCode);
        Assert.Contains("body is too long", error.ApiError.Errors[0].Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(harness.GitHub.IssueComments(GitHubAppHarness.Repository, issue));
    }

    [Fact]
    public async Task Update_BodyOverTheLimit_Gets422AndKeepsTheOldBody()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var issue = harness.GitHub.AddIssue(GitHubAppHarness.Repository, "Bug");
        var created = await harness.InstallationClient.Issue.Comment.Create("acme", "widgets", issue, "short");

        await Assert.ThrowsAsync<ApiValidationException>(() =>
            harness.InstallationClient.Issue.Comment.Update("acme", "widgets", created.Id, new string('x', GitHubLimits.MaxBodyLength + 1)));

        Assert.Equal("short", harness.GitHub.FindComment(created.Id)!.Body);
    }

    [Fact]
    public async Task Create_OnAMissingIssue_Gets404()
    {
        await using var harness = await GitHubAppHarness.StartAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => harness.InstallationClient.Issue.Comment.Create("acme", "widgets", 99, "hello"));
    }
}
