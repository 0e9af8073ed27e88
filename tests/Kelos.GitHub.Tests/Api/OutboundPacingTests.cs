using Kelos.Testing.GitHub;
using Octokit;

namespace Kelos.GitHub.Tests.Api;

/// <summary>
/// The outbound throttle's pacing, as the stand-in saw it on the wire: content-creating requests of one installation one
/// at a time and at most so many a minute; other requests, and other installations, unhindered.
/// </summary>
public sealed class OutboundPacingTests
{
    private const string Repository = GitHubAppHarness.Repository;

    [Fact]
    public async Task CommentCreate_ManyAtOnce_NeverOverlapOnTheWire()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var issue = harness.GitHub.AddIssue(Repository, "Bug");
        await harness.WarmUpAsync();
        var path = $"/repos/acme/widgets/issues/{issue}/comments";
        harness.GitHub.DelayNextCalls(int.MaxValue, TimeSpan.FromMilliseconds(50), path);

        await Task.WhenAll(Enumerable.Range(1, 6).Select(i => harness.InstallationClient.Issue.Comment.Create("acme", "widgets", issue, $"comment {i}")));

        var posts = harness.GitHub.Calls.Where(c => c.Method == "POST" && c.ApiPath == path).ToList();
        Assert.Equal(6, posts.Count);
        Assert.DoesNotContain(posts, a => posts.Any(b => !ReferenceEquals(a, b) && a.Overlaps(b)));
        Assert.Equal(6, harness.GitHub.IssueComments(Repository, issue).Count);
    }

    [Fact]
    public async Task Get_ManyAtOnce_GoConcurrently()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var issue = harness.GitHub.AddIssue(Repository, "Bug");
        await harness.WarmUpAsync();
        var path = $"/repos/acme/widgets/issues/{issue}";
        harness.GitHub.DelayNextCalls(int.MaxValue, TimeSpan.FromMilliseconds(300), path);

        await Task.WhenAll(Enumerable.Range(1, 4).Select(_ => harness.InstallationClient.Issue.Get("acme", "widgets", issue)));

        var gets = harness.GitHub.Calls.Where(c => c.Method == "GET" && c.ApiPath == path).ToList();
        Assert.Equal(4, gets.Count);
        Assert.Contains(gets, a => gets.Any(b => !ReferenceEquals(a, b) && a.Overlaps(b)));
    }

    [Fact]
    public async Task CommentCreate_OverThePerMinuteLimit_SpreadOverMinutes()
    {
        await using var harness = await GitHubAppHarness.StartAsync(outbound: o => o.ContentCreationPerMinute = 2, manualTimers: true);
        var issue = harness.GitHub.AddIssue(Repository, "Bug");
        await harness.WarmUpAsync();

        await harness.RunAsync(() => Task.WhenAll(
            Enumerable.Range(1, 5).Select(i => harness.InstallationClient.Issue.Comment.Create("acme", "widgets", issue, $"comment {i}"))));

        var sent = harness.GitHub.Calls
            .Where(c => c.Method == "POST" && c.ApiPath == $"/repos/acme/widgets/issues/{issue}/comments")
            .Select(c => c.ReceivedAt)
            .Order()
            .ToList();
        Assert.Equal(5, sent.Count);
        for (var i = 2; i < sent.Count; i++)
        {
            Assert.True(sent[i] - sent[i - 2] >= TimeSpan.FromMinutes(1), $"POSTs {i - 1} to {i + 1} went out within one minute");
        }

        Assert.Equal(5, harness.GitHub.IssueComments(Repository, issue).Count);
        Assert.All(harness.Logs.Warnings, w => Assert.Contains("at most 2 content-creating requests a minute", w, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CommentCreate_OneInstallationWaiting_DoesNotHoldBackAnother()
    {
        await using var harness = await GitHubAppHarness.StartAsync(outbound: o => o.ContentCreationPerMinute = 1, manualTimers: true);
        var other = harness.GitHub.AddInstallation("globex", "tools");
        var acmeIssue = harness.GitHub.AddIssue(Repository, "Bug");
        var globexIssue = harness.GitHub.AddIssue("globex/tools", "Bug");
        var acme = harness.InstallationClient;
        var globex = harness.Clients.CreateInstallationClient(other.Id);
        await harness.RunAsync(() => acme.Issue.Comment.Create("acme", "widgets", acmeIssue, "first"));

        var second = acme.Issue.Comment.Create("acme", "widgets", acmeIssue, "second"); // waits for the minute: nobody moves the clock
        await UntilAsync(() => harness.Time.NextTimerDue is not null);
        await globex.Issue.Comment.Create("globex", "tools", globexIssue, "elsewhere").WaitAsync(TimeSpan.FromSeconds(20));

        Assert.False(second.IsCompleted);
        Assert.Single(harness.GitHub.IssueComments("globex/tools", globexIssue));
        Assert.Single(harness.GitHub.IssueComments(Repository, acmeIssue));
        await harness.Time.AdvanceWhileWaitingAsync(second);
        Assert.Equal(["first", "second"], harness.GitHub.IssueComments(Repository, acmeIssue).Select(c => c.Body));
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition never held");
            await Task.Delay(10);
        }
    }
}
