using Octokit;

namespace Kelos.GitHub.Tests.Api;

public sealed class CheckRunTests
{
    [Fact]
    public async Task CreateThenComplete_ShowsTheLastState()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        const string sha = "0123456789abcdef0123456789abcdef01234567";

        var created = await harness.InstallationClient.Check.Run.Create("acme", "widgets", new NewCheckRun("kelos", sha)
        {
            Status = CheckStatus.InProgress,
            ExternalId = "task-1",
            Output = new NewCheckRunOutput("Running", "claude-code is working"),
        });
        var completed = await harness.InstallationClient.Check.Run.Update("acme", "widgets", created.Id, new CheckRunUpdate
        {
            Status = CheckStatus.Completed,
            Conclusion = CheckConclusion.Success,
            Output = new NewCheckRunOutput("Succeeded", "Opened #2"),
        });

        Assert.Equal(CheckStatus.Completed, completed.Status.Value);
        Assert.Equal(CheckConclusion.Success, completed.Conclusion!.Value.Value);
        var run = Assert.Single(harness.GitHub.CheckRuns(GitHubAppHarness.Repository));
        Assert.Equal((sha, "completed", "success", "Opened #2", "task-1"), (run.HeadSha, run.Status, run.Conclusion, run.Summary, run.ExternalId));
        Assert.NotNull(run.CompletedAt);
    }

    [Fact]
    public async Task Create_CompletedWithoutConclusion_Gets422()
    {
        await using var harness = await GitHubAppHarness.StartAsync();

        await Assert.ThrowsAsync<ApiValidationException>(() =>
            harness.InstallationClient.Check.Run.Create("acme", "widgets", new NewCheckRun("kelos", "abc") { Status = CheckStatus.Completed }));
    }

    [Fact]
    public async Task Create_WithoutChecksPermission_IsForbidden()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var token = await harness.Issuer.IssueAsync(harness.Installation.Id, "widgets", Kelos.GitHub.Auth.TaskTokenPermissions.ReadWrite);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            harness.Clients.CreateTokenClient(token).Check.Run.Create("acme", "widgets", new NewCheckRun("kelos", "abc")));
    }
}
