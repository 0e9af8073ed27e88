using System.Text.Json;
using Kelos.GitHub.Auth;
using Kelos.GitHub.Tests.Api;
using Octokit;

namespace Kelos.GitHub.Tests.Auth;

public sealed class ScopedTokenIssuerTests
{
    private static readonly Dictionary<string, string> IssuesWrite = new() { ["issues"] = "write" };

    [Fact]
    public async Task IssueAsync_NarrowedToken_CommentsOnItsRepositoryOnly()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var mine = harness.GitHub.AddIssue(GitHubAppHarness.Repository, "Mine");
        var theirs = harness.GitHub.AddIssue(GitHubAppHarness.OtherRepository, "Theirs");

        var token = await harness.Issuer.IssueAsync(harness.Installation.Id, "acme/widgets", IssuesWrite);
        var client = harness.Clients.CreateTokenClient(token);
        await client.Issue.Comment.Create("acme", "widgets", mine, "allowed");
        var error = await Assert.ThrowsAsync<ForbiddenException>(() => client.Issue.Comment.Create("acme", "gadgets", theirs, "refused"));

        Assert.Equal("allowed", Assert.Single(harness.GitHub.IssueComments(GitHubAppHarness.Repository, mine)).Body);
        Assert.Empty(harness.GitHub.IssueComments(GitHubAppHarness.OtherRepository, theirs));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task IssueAsync_SendsRepositoryAndPermissions()
    {
        await using var harness = await GitHubAppHarness.StartAsync();

        await harness.Issuer.IssueAsync(harness.Installation.Id, "widgets", TaskTokenPermissions.ReadWrite);

        var call = harness.GitHub.Calls.Single(c => c.ApiPath.EndsWith("/access_tokens", StringComparison.Ordinal));
        using var body = JsonDocument.Parse(call.Body);
        Assert.Equal(["widgets"], body.RootElement.GetProperty("repositories").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("write", body.RootElement.GetProperty("permissions").GetProperty("contents").GetString());
        var issued = Assert.Single(harness.GitHub.IssuedTokens);
        Assert.Equal(["widgets"], issued.Repositories!);
        Assert.Equal("read", issued.Permissions["issues"]);
    }

    [Fact]
    public async Task IssueAsync_TaskPermissions_CannotWriteToTheConversation()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var issue = harness.GitHub.AddIssue(GitHubAppHarness.Repository, "Bug");

        var token = await harness.Issuer.IssueAsync(harness.Installation.Id, "widgets", TaskTokenPermissions.ReadWrite);
        var client = harness.Clients.CreateTokenClient(token);

        Assert.Empty(await client.Issue.Comment.GetAllForIssue("acme", "widgets", issue));
        await Assert.ThrowsAsync<ForbiddenException>(() => client.Issue.Comment.Create("acme", "widgets", issue, "spam"));
    }

    [Fact]
    public async Task IssueAsync_TwiceForOneRepository_GivesTwoTokens()
    {
        await using var harness = await GitHubAppHarness.StartAsync();

        var first = await harness.Issuer.IssueAsync(harness.Installation.Id, "widgets", TaskTokenPermissions.ReadOnly);
        var second = await harness.Issuer.IssueAsync(harness.Installation.Id, "widgets", TaskTokenPermissions.ReadOnly);

        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal(2, harness.GitHub.IssuedTokens.Count);
    }

    [Fact]
    public async Task IssueAsync_RepositoryOutsideTheInstallation_Fails422()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        harness.GitHub.AddRepository("acme/secret");

        await Assert.ThrowsAsync<ApiValidationException>(() => harness.Issuer.IssueAsync(harness.Installation.Id, "secret", TaskTokenPermissions.ReadOnly));
    }

    [Fact]
    public async Task IssueAsync_MoreThanTheInstallationHas_Fails422()
    {
        await using var harness = await GitHubAppHarness.StartAsync();

        await Assert.ThrowsAsync<ApiValidationException>(() =>
            harness.Issuer.IssueAsync(harness.Installation.Id, "widgets", new Dictionary<string, string> { ["administration"] = "write" }));
    }

    [Fact]
    public async Task IssueAsync_UnknownLevel_ThrowsBeforeAnyRequest()
    {
        await using var harness = await GitHubAppHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            harness.Issuer.IssueAsync(harness.Installation.Id, "widgets", new Dictionary<string, string> { ["contents"] = "all" }));
        Assert.Empty(harness.GitHub.Calls);
    }
}
