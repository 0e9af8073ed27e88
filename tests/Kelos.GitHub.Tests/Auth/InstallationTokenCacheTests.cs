using Kelos.GitHub.Tests.Api;
using Kelos.Testing.GitHub;

namespace Kelos.GitHub.Tests.Auth;

public sealed class InstallationTokenCacheTests
{
    [Fact]
    public async Task GetAsync_SecondCall_MakesNoRequest()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var path = $"/app/installations/{harness.Installation.Id}/access_tokens";

        var first = await harness.Tokens.GetAsync(harness.Installation.Id);
        var second = await harness.Tokens.GetAsync(harness.Installation.Id);

        Assert.Same(first, second);
        Assert.Equal(1, harness.CallsTo("POST", path));
        Assert.Equal(GitHubAuthKind.Jwt, harness.GitHub.Calls.Single(c => c.ApiPath == path).Auth);
        Assert.Equal(harness.Time.GetUtcNow() + TimeSpan.FromHours(1), first.ExpiresAt);
    }

    [Fact]
    public async Task GetAsync_FiveMinutesBeforeExpiry_Refreshes()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var path = $"/app/installations/{harness.Installation.Id}/access_tokens";
        var first = await harness.Tokens.GetAsync(harness.Installation.Id);

        harness.Time.Advance(TimeSpan.FromMinutes(54));
        Assert.Same(first, await harness.Tokens.GetAsync(harness.Installation.Id));
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var refreshed = await harness.Tokens.GetAsync(harness.Installation.Id);

        Assert.NotEqual(first.Token, refreshed.Token);
        Assert.Equal(2, harness.CallsTo("POST", path));
    }

    [Fact]
    public async Task GetAsync_ManyAtOnce_FetchesOnce()
    {
        await using var harness = await GitHubAppHarness.StartAsync();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => harness.Tokens.GetAsync(harness.Installation.Id).AsTask()));

        Assert.Single(tokens.Select(t => t.Token).Distinct());
        Assert.Equal(1, harness.CallsTo("POST", $"/app/installations/{harness.Installation.Id}/access_tokens"));
    }

    [Fact]
    public async Task InstallationClient_AnHourLater_StillWorks()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var issue = harness.GitHub.AddIssue(GitHubAppHarness.Repository, "Bug");
        await harness.InstallationClient.Issue.Comment.Create("acme", "widgets", issue, "one");

        harness.Time.Advance(TimeSpan.FromMinutes(61));
        await harness.InstallationClient.Issue.Comment.Create("acme", "widgets", issue, "two");

        Assert.Equal(2, harness.GitHub.IssueComments(GitHubAppHarness.Repository, issue).Count);
        Assert.Equal(2, harness.GitHub.IssuedTokens.Count);
        Assert.All(
            harness.GitHub.Calls.Where(c => c.ApiPath.StartsWith("/repos/", StringComparison.Ordinal)),
            call => Assert.Equal(GitHubAuthKind.InstallationToken, call.Auth));
    }

    [Fact]
    public async Task ToString_DoesNotShowTheToken()
    {
        await using var harness = await GitHubAppHarness.StartAsync();

        var token = await harness.Tokens.GetAsync(harness.Installation.Id);

        Assert.DoesNotContain(token.Token, token.ToString(), StringComparison.Ordinal);
    }
}
