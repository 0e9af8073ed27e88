using Kelos.Testing.GitHub;

namespace Kelos.GitHub.Tests.Api;

public sealed class GitHubClientFactoryTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task InstallationClient_PlainOrApiV3Base_ReachesTheSameApi(bool apiV3)
    {
        await using var harness = await GitHubAppHarness.StartAsync(gitHub => apiV3 ? gitHub.ApiV3Url : gitHub.BaseUrl);
        var issue = harness.GitHub.AddIssue(GitHubAppHarness.Repository, "Bug");

        var comment = await harness.InstallationClient.Issue.Comment.Create("acme", "widgets", issue, "hello");

        Assert.Equal("hello", harness.GitHub.FindComment(comment.Id)?.Body);
        var calls = harness.GitHub.Calls;
        Assert.Equal(2, calls.Count);
        Assert.All(calls, call => Assert.Equal(apiV3, call.Path.StartsWith("/api/v3/", StringComparison.Ordinal)));
        Assert.Equal($"/repos/acme/widgets/issues/{issue}/comments", calls[^1].ApiPath);
    }

    [Fact]
    public async Task AppClient_ListsInstallations()
    {
        await using var harness = await GitHubAppHarness.StartAsync();

        var installations = await harness.Clients.CreateAppClient().GitHubApps.GetAllInstallationsForCurrent();

        var installation = Assert.Single(installations);
        Assert.Equal(harness.Installation.Id, installation.Id);
        Assert.Equal("acme", installation.Account.Login);
    }

    [Fact]
    public async Task AppClient_OnARepositoryEndpoint_IsForbidden()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var issue = harness.GitHub.AddIssue(GitHubAppHarness.Repository, "Bug");

        await Assert.ThrowsAsync<Octokit.ForbiddenException>(() =>
            harness.Clients.CreateAppClient().Issue.Comment.Create("acme", "widgets", issue, "as the App"));
    }

    [Fact]
    public async Task InstallationClient_IsReusedPerInstallation()
    {
        await using var harness = await GitHubAppHarness.StartAsync();

        Assert.Same(harness.Clients.CreateInstallationClient(harness.Installation.Id), harness.Clients.CreateInstallationClient(harness.Installation.Id));
    }

    [Fact]
    public async Task Every_Answer_CarriesRateLimitHeaders()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var issue = harness.GitHub.AddIssue(GitHubAppHarness.Repository, "Bug");

        await harness.InstallationClient.Issue.Comment.GetAllForIssue("acme", "widgets", issue);

        var rate = harness.InstallationClient.GetLastApiInfo().RateLimit;
        Assert.Equal(5000, rate.Limit);
        Assert.InRange(rate.Remaining, 1, 4999);
        Assert.True(rate.Reset > harness.Time.GetUtcNow());
    }

    [Fact]
    public async Task StandIn_UnknownPath_Answers404InGitHubsShape()
    {
        await using var harness = await GitHubAppHarness.StartAsync();

        var error = await Assert.ThrowsAsync<Octokit.NotFoundException>(() =>
            harness.InstallationClient.Repository.Get("acme", "widgets"));

        Assert.Equal("Not Found", error.Message);
        Assert.Equal(GitHubAuthKind.InstallationToken, harness.GitHub.Calls[^1].Auth);
    }
}
