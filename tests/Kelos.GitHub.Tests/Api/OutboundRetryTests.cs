using Kelos.Testing.GitHub;
using Octokit;

namespace Kelos.GitHub.Tests.Api;

/// <summary>
/// The outbound throttle under the real Octokit client, against the stand-in: which answers are waited out and repeated,
/// which surface. Waits are on the harness's manual clock, so they take no wall time; the stand-in records by that clock.
/// </summary>
public sealed class OutboundRetryTests
{
    private const string Repository = GitHubAppHarness.Repository;

    [Fact]
    public async Task CommentCreate_SecondaryLimitWithRetryAfter_CreatedOnceAfterTheWait()
    {
        await using var harness = await GitHubAppHarness.StartAsync(manualTimers: true);
        var issue = harness.GitHub.AddIssue(Repository, "Bug");
        harness.GitHub.ThrottleContentCreation(1, TimeSpan.FromSeconds(1));

        var created = await harness.RunAsync(() => harness.InstallationClient.Issue.Comment.Create("acme", "widgets", issue, "on it"));

        var path = $"/repos/acme/widgets/issues/{issue}/comments";
        var posts = Calls(harness, "POST", path);
        Assert.Equal([403, 201], posts.Select(c => c.StatusCode));
        Assert.True(posts[1].ReceivedAt - posts[0].ReceivedAt >= TimeSpan.FromSeconds(1), "the retry did not wait for retry-after");
        var comment = Assert.Single(harness.GitHub.IssueComments(Repository, issue));
        Assert.Equal((created.Id, "on it"), (comment.Id, comment.Body));
        var warning = Assert.Single(harness.Logs.Warnings);
        Assert.Contains("retry-after", warning, StringComparison.Ordinal);
        Assert.Contains($"POST {path}", warning, StringComparison.Ordinal);
        Assert.Contains("waiting 1 s", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.GitHub.IssuedTokens.Single().Token, warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommentCreate_SecondaryLimitWithoutRetryAfter_WaitsAMinuteThenLonger()
    {
        await using var harness = await GitHubAppHarness.StartAsync(manualTimers: true);
        var issue = harness.GitHub.AddIssue(Repository, "Bug");
        harness.GitHub.ThrottleContentCreation(2, retryAfter: null);

        await harness.RunAsync(() => harness.InstallationClient.Issue.Comment.Create("acme", "widgets", issue, "on it"));

        var posts = Calls(harness, "POST", $"/repos/acme/widgets/issues/{issue}/comments");
        Assert.Equal([403, 403, 201], posts.Select(c => c.StatusCode));
        Assert.True(posts[1].ReceivedAt - posts[0].ReceivedAt >= TimeSpan.FromMinutes(1), "the first wait was under a minute");
        Assert.True(posts[2].ReceivedAt - posts[1].ReceivedAt >= TimeSpan.FromMinutes(2), "the second wait did not back off");
        Assert.Single(harness.GitHub.IssueComments(Repository, issue));
        Assert.All(harness.Logs.Warnings, w => Assert.Contains("secondary rate limit", w, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_TooManyRequestsWithoutHeaders_WaitsAMinute()
    {
        await using var harness = await GitHubAppHarness.StartAsync(manualTimers: true);
        var issue = harness.GitHub.AddIssue(Repository, "Bug");
        await harness.WarmUpAsync();
        harness.GitHub.FailNextCalls(1, 429, "/repos/");

        await harness.RunAsync(() => harness.InstallationClient.Issue.Get("acme", "widgets", issue));

        var gets = Calls(harness, "GET", $"/repos/acme/widgets/issues/{issue}");
        Assert.Equal([429, 200], gets.Select(c => c.StatusCode));
        Assert.True(gets[1].ReceivedAt - gets[0].ReceivedAt >= TimeSpan.FromMinutes(1), "a 429 was retried within the minute");
    }

    [Fact]
    public async Task Get_RateLimitExhausted_WaitsForTheResetThenSucceeds()
    {
        await using var harness = await GitHubAppHarness.StartAsync(manualTimers: true);
        var issue = harness.GitHub.AddIssue(Repository, "Bug");
        await harness.WarmUpAsync();
        var reset = harness.Time.GetUtcNow().AddMinutes(3);
        harness.GitHub.ExhaustRateLimit(reset);

        var comments = await harness.RunAsync(() => harness.InstallationClient.Issue.Comment.GetAllForIssue("acme", "widgets", issue));

        var gets = Calls(harness, "GET", $"/repos/acme/widgets/issues/{issue}/comments");
        Assert.Equal([403, 200], gets.Select(c => c.StatusCode));
        Assert.True(gets[1].ReceivedAt >= reset, "the retry went out before the reset");
        Assert.Empty(comments);
        Assert.Contains("rate limit used up", Assert.Single(harness.Logs.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ResetBeyondMaxWait_SurfacesAtOnce()
    {
        await using var harness = await GitHubAppHarness.StartAsync(outbound: o => o.MaxWait = TimeSpan.FromMinutes(15), manualTimers: true);
        var issue = harness.GitHub.AddIssue(Repository, "Bug");
        await harness.WarmUpAsync();
        var reset = harness.Time.GetUtcNow().AddMinutes(40);
        harness.GitHub.ExhaustRateLimit(reset);

        var error = await Assert.ThrowsAsync<RateLimitExceededException>(() =>
            harness.RunAsync(() => harness.InstallationClient.Issue.Comment.GetAllForIssue("acme", "widgets", issue)));

        Assert.Equal(reset.ToUnixTimeSeconds(), error.Reset.ToUnixTimeSeconds());
        Assert.Single(Calls(harness, "GET", $"/repos/acme/widgets/issues/{issue}/comments"));
        Assert.Empty(harness.Logs.Warnings);
    }

    [Fact]
    public async Task CommentCreate_ThrottledPastMaxAttempts_SurfacesTheLastAnswer()
    {
        await using var harness = await GitHubAppHarness.StartAsync(outbound: o => o.MaxAttempts = 3, manualTimers: true);
        var issue = harness.GitHub.AddIssue(Repository, "Bug");
        harness.GitHub.ThrottleContentCreation(10, TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<SecondaryRateLimitExceededException>(() =>
            harness.RunAsync(() => harness.InstallationClient.Issue.Comment.Create("acme", "widgets", issue, "on it")));

        Assert.Equal(3, Calls(harness, "POST", $"/repos/acme/widgets/issues/{issue}/comments").Count);
        Assert.Empty(harness.GitHub.IssueComments(Repository, issue));
    }

    [Fact]
    public async Task CommentCreate_PermissionRefused_FailsAtOnceWithOneCall()
    {
        await using var harness = await GitHubAppHarness.StartAsync(manualTimers: true);
        var readOnly = harness.GitHub.AddInstallation(
            "globex", ["tools"], new Dictionary<string, string> { ["issues"] = "read", ["metadata"] = "read" });
        var issue = harness.GitHub.AddIssue("globex/tools", "Bug");

        var error = await Assert.ThrowsAsync<ForbiddenException>(() =>
            harness.RunAsync(() => harness.Clients.CreateInstallationClient(readOnly.Id).Issue.Comment.Create("globex", "tools", issue, "on it")));

        Assert.Contains("Resource not accessible by integration", error.Message, StringComparison.Ordinal);
        Assert.Single(Calls(harness, "POST", $"/repos/globex/tools/issues/{issue}/comments"));
        Assert.Empty(harness.Logs.Warnings);
    }

    [Fact]
    public async Task Get_ServerErrorTwice_SucceedsOnTheThirdAttempt()
    {
        await using var harness = await GitHubAppHarness.StartAsync(manualTimers: true);
        var issue = harness.GitHub.AddIssue(Repository, "Bug");
        await harness.WarmUpAsync();
        harness.GitHub.FailNextCalls(2, 500, "/repos/");

        var fetched = await harness.RunAsync(() => harness.InstallationClient.Issue.Get("acme", "widgets", issue));

        Assert.Equal(issue, fetched.Number);
        Assert.Equal([500, 500, 200], Calls(harness, "GET", $"/repos/acme/widgets/issues/{issue}").Select(c => c.StatusCode));
        Assert.Equal(2, harness.Logs.Warnings.Count);
    }

    [Fact]
    public async Task CommentCreate_ServerError_FailsWithOnePostAndNoComment()
    {
        await using var harness = await GitHubAppHarness.StartAsync(manualTimers: true);
        var issue = harness.GitHub.AddIssue(Repository, "Bug");
        await harness.WarmUpAsync();
        harness.GitHub.FailNextCalls(1, 500, "/repos/");

        var error = await Assert.ThrowsAsync<ApiException>(() =>
            harness.RunAsync(() => harness.InstallationClient.Issue.Comment.Create("acme", "widgets", issue, "on it")));

        Assert.Equal(500, (int)error.StatusCode);
        Assert.Single(Calls(harness, "POST", $"/repos/acme/widgets/issues/{issue}/comments"));
        Assert.Empty(harness.GitHub.IssueComments(Repository, issue));
    }

    [Fact]
    public async Task ReactionCreate_ServerError_RetriedBecauseGitHubAnswersItIdempotently()
    {
        await using var harness = await GitHubAppHarness.StartAsync(manualTimers: true);
        var issue = harness.GitHub.AddIssue(Repository, "Bug");
        var comment = harness.GitHub.AddIssueComment(Repository, issue, "alice", "/kelos run");
        await harness.WarmUpAsync();
        harness.GitHub.FailNextCalls(1, 502, "/repos/");

        await harness.RunAsync(() => harness.InstallationClient.Reaction.IssueComment.Create("acme", "widgets", comment, new NewReaction(ReactionType.Eyes)));

        Assert.Equal([502, 201], Calls(harness, "POST", $"/repos/acme/widgets/issues/comments/{comment}/reactions").Select(c => c.StatusCode));
        Assert.Single(harness.GitHub.Reactions(Repository, StandInReactionTarget.IssueComment, comment));
    }

    [Fact]
    public async Task AccessTokenCreate_ServerError_Retried()
    {
        await using var harness = await GitHubAppHarness.StartAsync(manualTimers: true);
        var issue = harness.GitHub.AddIssue(Repository, "Bug");
        harness.GitHub.FailNextCalls(1, 500, "/app/installations/");

        await harness.RunAsync(() => harness.InstallationClient.Issue.Get("acme", "widgets", issue));

        Assert.Equal([500, 201], Calls(harness, "POST", $"/app/installations/{harness.Installation.Id}/access_tokens").Select(c => c.StatusCode));
    }

    [Fact]
    public async Task Get_AttemptTimesOut_RetriedAndSucceeds()
    {
        await using var harness = await GitHubAppHarness.StartAsync(outbound: o => o.AttemptTimeout = TimeSpan.FromSeconds(2), manualTimers: true);
        var issue = harness.GitHub.AddIssue(Repository, "Bug");
        await harness.WarmUpAsync();
        harness.GitHub.DelayNextCalls(1, TimeSpan.FromSeconds(20), "/repos/");

        var fetched = await harness.RunAsync(() => harness.InstallationClient.Issue.Get("acme", "widgets", issue));

        Assert.Equal(issue, fetched.Number);
        Assert.Contains("TimeoutException", Assert.Single(harness.Logs.Warnings), StringComparison.Ordinal);
        var gets = await CallsEventuallyAsync(harness, "GET", $"/repos/acme/widgets/issues/{issue}", 2);
        Assert.Equal([200, 499], gets.Select(c => c.StatusCode).Order());
    }

    [Fact]
    public async Task CommentCreate_AttemptTimesOut_NotRepeated()
    {
        await using var harness = await GitHubAppHarness.StartAsync(outbound: o => o.AttemptTimeout = TimeSpan.FromSeconds(2), manualTimers: true);
        var issue = harness.GitHub.AddIssue(Repository, "Bug");
        await harness.WarmUpAsync();
        harness.GitHub.DelayNextCalls(1, TimeSpan.FromSeconds(20), "/repos/");

        await Assert.ThrowsAsync<TimeoutException>(() =>
            harness.RunAsync(() => harness.InstallationClient.Issue.Comment.Create("acme", "widgets", issue, "on it")));

        var posts = await CallsEventuallyAsync(harness, "POST", $"/repos/acme/widgets/issues/{issue}/comments", 1);
        Assert.Equal(499, Assert.Single(posts).StatusCode);
        Assert.Empty(harness.Logs.Warnings);
    }

    private static List<StandInCall> Calls(GitHubAppHarness harness, string method, string apiPath) =>
        [.. harness.GitHub.Calls.Where(c => c.Method == method && c.ApiPath == apiPath).OrderBy(c => c.Started)];

    /// <summary>A call the client gave up on is recorded when the stand-in notices: wait for it (on the wall clock).</summary>
    private static async Task<List<StandInCall>> CallsEventuallyAsync(GitHubAppHarness harness, string method, string apiPath, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (Calls(harness, method, apiPath).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return Calls(harness, method, apiPath);
    }
}
