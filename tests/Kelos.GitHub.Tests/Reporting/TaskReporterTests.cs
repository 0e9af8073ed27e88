using Kelos.Agents;
using Kelos.Core.Resources;
using Kelos.Core.Triggers;
using Kelos.Testing.GitHub;

namespace Kelos.GitHub.Tests.Reporting;

/// <summary>The reporter's flows against the GitHub stand-in: what reaches GitHub as a Task moves from accepted to its end.</summary>
public sealed class TaskReporterTests : IAsyncLifetime
{
    private const string Repo = ReporterHarness.Repository;
    private ReporterHarness _h = null!;
    private int _issue;
    private long _comment;

    public async Task InitializeAsync()
    {
        _h = await ReporterHarness.StartAsync();
        _issue = _h.GitHub.AddIssue(Repo, "The README has a typo", "alice", "It says 'teh'.");
        _comment = _h.GitHub.AddIssueComment(Repo, _issue, "alice", "/kelos run fix the typo");
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Success_OneCommentEditedFromAcceptedToSucceeded_PullRequestOpenedAndReviewRequested()
    {
        _h.CreateTask("run-1", _issue, _comment);

        await _h.ReportAsync("run-1");
        var accepted = Assert.Single(_h.BotComments(_issue));
        Assert.StartsWith("👀 **Accepted**", accepted.Body, StringComparison.Ordinal);
        Assert.Contains("<!-- kelos:task:run-1 -->", accepted.Body, StringComparison.Ordinal);

        _h.Move("run-1", TaskPhase.Running, "The agent is running (claude-code, model claude-sonnet-4-5)");
        await _h.ReportAsync("run-1");
        Assert.StartsWith("🏃 **Running**", Assert.Single(_h.BotComments(_issue)).Body, StringComparison.Ordinal);

        _h.Move("run-1", TaskPhase.Succeeded, "The agent finished", Results("kelos/issue-1", "Fixed the typo."), usage: new TaskUsage { InputTokens = 1200, OutputTokens = 300, CostUsd = "0.05" });
        await _h.ReportAsync("run-1");

        var pr = Assert.Single(_h.GitHub.PullRequests(Repo));
        Assert.Equal(("The README has a typo", "kelos/issue-1", "main", true), (pr.Title, pr.Head, pr.Base, pr.Draft));
        Assert.Contains($"Closes #{_issue}.", pr.Body, StringComparison.Ordinal);
        Assert.Equal(["alice"], pr.RequestedReviewers);
        var done = Assert.Single(_h.BotComments(_issue));
        Assert.Equal(accepted.Id, done.Id);
        Assert.StartsWith($"✅ **Succeeded** in 3m41s — pull request [#{pr.Number}]", done.Body, StringComparison.Ordinal);
        Assert.Contains("Branch [`kelos/issue-1`]", done.Body, StringComparison.Ordinal);
        Assert.Contains("Fixed the typo.", done.Body, StringComparison.Ordinal);
        Assert.Contains("1,200 tokens in, 300 out · $0.05", done.Body, StringComparison.Ordinal);
        Assert.Equal(["rocket"], _h.GitHub.Reactions(Repo, StandInReactionTarget.IssueComment, _comment).Select(r => r.Content));
        Assert.Equal(1, _h.Calls("POST", $"/repos/{Repo}/issues/{_issue}/comments"));
    }

    [Fact]
    public async Task ReportedTwice_NothingPostedOrEditedTheSecondTime()
    {
        _h.CreateTask("run-1", _issue, _comment);
        _h.Move("run-1", TaskPhase.Succeeded, "The agent finished", Results("kelos/issue-1", "Done."));
        await _h.ReportAsync("run-1");
        var writes = _h.GitHub.Calls.Count(c => c.Method is "POST" or "PATCH");

        await _h.ReportAsync("run-1");
        await _h.Restarted().ReportAsync("run-1");

        Assert.Equal(writes, _h.GitHub.Calls.Count(c => c.Method is "POST" or "PATCH"));
        Assert.Single(_h.BotComments(_issue));
        Assert.Single(_h.GitHub.PullRequests(Repo));
    }

    [Fact]
    public async Task Failure_SaysWhyShowsTheLogTailAndHowToRetry_Confused()
    {
        _h.CreateTask("run-1", _issue, _comment);
        var runs = Path.Combine(_h.State.RunDirectory("run-1"));
        Directory.CreateDirectory(runs);
        File.WriteAllLines(Path.Combine(runs, "kelos.log"), ["cloning acme/widgets", "running claude-code", "the agent exited with code 1: 401 Unauthorized"]);
        _h.Move("run-1", TaskPhase.Failed, "The model answered 401 Unauthorized: invalid x-api-key");

        await _h.ReportAsync("run-1");

        var failed = Assert.Single(_h.BotComments(_issue)).Body;
        Assert.StartsWith("❌ **Failed** after 3m41s: The model answered 401 Unauthorized: invalid x-api-key", failed, StringComparison.Ordinal);
        Assert.Contains("<details><summary>The last 3 lines of the log</summary>", failed, StringComparison.Ordinal);
        Assert.Contains("the agent exited with code 1: 401 Unauthorized\n```", failed, StringComparison.Ordinal);
        Assert.Contains("`/kelos retry`", failed, StringComparison.Ordinal);
        Assert.Empty(_h.GitHub.PullRequests(Repo));
        Assert.Equal(["confused"], _h.GitHub.Reactions(Repo, StandInReactionTarget.IssueComment, _comment).Select(r => r.Content));
    }

    [Fact]
    public async Task Cancel_SaysByWhom_NoReaction()
    {
        _h.CreateTask("run-1", _issue, _comment);
        await _h.ReportAsync("run-1");
        _h.Move("run-1", TaskPhase.Cancelled, "Cancelled by @bob", cancelledBy: "@bob");

        await _h.ReportAsync("run-1");

        Assert.StartsWith("🛑 **Cancelled** by @bob after 3m41s.", Assert.Single(_h.BotComments(_issue)).Body, StringComparison.Ordinal);
        Assert.Empty(_h.GitHub.Reactions(Repo, StandInReactionTarget.IssueComment, _comment));
    }

    [Fact]
    public async Task RestartAfterPostingBeforeRecordingIt_FindsAndEditsTheSameComment()
    {
        _h.CreateTask("run-1", _issue, _comment);
        _h.Move("run-1", TaskPhase.Running, "The agent is running");
        await _h.ReportAsync("run-1");
        var running = Assert.Single(_h.BotComments(_issue));
        // The process died after GitHub took the comment but before its id was written down.
        _h.ChangeRecord("run-1", r => r with { CommentId = null });
        _h.Move("run-1", TaskPhase.Succeeded, "The agent finished", Results("kelos/issue-1", "Done."));

        await using var restarted = _h.Restarted();
        await restarted.ReportAsync("run-1");

        var done = Assert.Single(_h.BotComments(_issue));
        Assert.Equal(running.Id, done.Id);
        Assert.StartsWith("✅ **Succeeded**", done.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommentDeletedByAPerson_ANewOneIsPosted()
    {
        _h.CreateTask("run-1", _issue, _comment);
        await _h.ReportAsync("run-1");
        var first = Assert.Single(_h.BotComments(_issue));
        _h.GitHub.DeleteComment(first.Id);
        _h.Move("run-1", TaskPhase.Running, "The agent is running");

        await _h.ReportAsync("run-1");

        Assert.StartsWith("🏃 **Running**", Assert.Single(_h.BotComments(_issue)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommentsByOthersWithTheMarker_AreNotOurs()
    {
        _h.GitHub.AddIssueComment(Repo, _issue, "mallory", "fake <!-- kelos:task:run-1 -->");
        _h.CreateTask("run-1", _issue, _comment);

        await _h.ReportAsync("run-1");

        Assert.Single(_h.BotComments(_issue));
        Assert.Equal("fake <!-- kelos:task:run-1 -->", _h.GitHub.IssueComments(Repo, _issue).Single(c => c.Author == "mallory").Body);
    }

    [Fact]
    public async Task Plan_PostedAsItsOwnComment_TrackingCommentPointsToIt_NoPullRequest()
    {
        _h.CreateTask("plan-1", _issue, _comment, annotations: new() { [ReportingAnnotations.AnswerMode] = "plan" }, spawner: "plan");
        _h.Move("plan-1", TaskPhase.Succeeded, "The agent finished", new() { ["response"] = Encode("1. Fix `README.md`.\n2. Add a spell check.") });

        await _h.ReportAsync("plan-1");

        var comments = _h.BotComments(_issue);
        Assert.Equal(2, comments.Count);
        Assert.Contains("The agent's answer is posted below.", comments[0].Body, StringComparison.Ordinal);
        Assert.StartsWith("📋 **Plan**\n\n1. Fix `README.md`.\n2. Add a spell check.", comments[1].Body, StringComparison.Ordinal);
        Assert.Contains("`/kelos run`", comments[1].Body, StringComparison.Ordinal);
        Assert.Empty(_h.GitHub.PullRequests(Repo));
    }

    [Fact]
    public async Task ReviewThreadRequest_RepliedInTheThreadWithTheCommit_CheckRunCompleted()
    {
        var pr = _h.GitHub.AddPullRequest(Repo, "Add parser", "feature/parser", "alice", headSha: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        var asked = _h.GitHub.AddReviewComment(Repo, pr, "alice", "/kelos run rename tmp", "src/parse.cs", 12);
        _h.CreateTask("fix-1", pr, asked, SourceAnnotations.CommentKindReviewComment, pullRequest: true, sha: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        _h.Move("fix-1", TaskPhase.Running, "The agent is running");
        await _h.ReportAsync("fix-1");
        var running = Assert.Single(_h.GitHub.CheckRuns(Repo));
        Assert.Equal(("kelos / run", "in_progress", "fix-1"), (running.Name, running.Status, running.ExternalId));

        _h.Move("fix-1", TaskPhase.Succeeded, "The agent finished", Results("feature/parser", "Renamed `tmp` to `buffer`."));
        await _h.ReportAsync("fix-1");

        var reply = Assert.Single(_h.GitHub.ReviewComments(Repo, pr), c => c.Author == _h.GitHub.BotLogin);
        Assert.Equal(asked, reply.InReplyTo);
        Assert.StartsWith("Done in [`0123456`]", reply.Body, StringComparison.Ordinal);
        Assert.Contains("Renamed `tmp` to `buffer`.", reply.Body, StringComparison.Ordinal);
        var check = Assert.Single(_h.GitHub.CheckRuns(Repo));
        Assert.Equal((running.Id, "completed", "success"), (check.Id, check.Status, check.Conclusion));
        Assert.Contains("The agent finished in 3m41s.", check.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(_h.GitHub.PullRequests(Repo), p => p.Number != pr);
        Assert.Equal(["rocket"], _h.GitHub.Reactions(Repo, StandInReactionTarget.ReviewComment, asked).Select(r => r.Content));
    }

    [Fact]
    public async Task CheckRun_AfterARestartThatLostItsId_TheSameRunIsCompleted()
    {
        var pr = _h.GitHub.AddPullRequest(Repo, "Add parser", "feature/parser", "alice", headSha: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        _h.CreateTask("fix-1", pr, _h.GitHub.AddIssueComment(Repo, pr, "alice", "/kelos run"), pullRequest: true, sha: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        await _h.ReportAsync("fix-1");
        _h.ChangeRecord("fix-1", r => r with { CheckRunId = null });
        _h.Move("fix-1", TaskPhase.Failed, "The agent ran past its deadline");

        await using var restarted = _h.Restarted();
        await restarted.ReportAsync("fix-1");

        var check = Assert.Single(_h.GitHub.CheckRuns(Repo));
        Assert.Equal(("completed", "failure"), (check.Status, check.Conclusion));
        Assert.Equal("Failed: The agent ran past its deadline", check.Title);
    }

    [Fact]
    public async Task AgentOpenedItsOwnPullRequest_ThatOneIsLinked_NoSecond()
    {
        var own = _h.GitHub.AddPullRequest(Repo, "Fix typo", "kelos/issue-1", _h.GitHub.BotLogin);
        _h.CreateTask("run-1", _issue, _comment);
        _h.Store.Update<KelosTask>("run-1", t =>
        {
            t.Status = new KelosTaskStatus { Outputs = [$"pr: {_h.GitHub.BaseUrl}acme/widgets/pull/{own}"] };
            return true;
        });
        _h.Move("run-1", TaskPhase.Succeeded, "The agent finished", Results("kelos/issue-1", "Done."));

        await _h.ReportAsync("run-1");

        Assert.Single(_h.GitHub.PullRequests(Repo));
        Assert.Contains($"pull request [#{own}]", Assert.Single(_h.BotComments(_issue)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PullRequestModeNone_BranchAndLinkToOpenOne()
    {
        _h.CreateTask("run-1", _issue, _comment, annotations: new() { [ReportingAnnotations.PullRequestMode] = "none" });
        _h.Move("run-1", TaskPhase.Succeeded, "The agent finished", Results("kelos/issue-1", "Done."));

        await _h.ReportAsync("run-1");

        Assert.Empty(_h.GitHub.PullRequests(Repo));
        var body = Assert.Single(_h.BotComments(_issue)).Body;
        Assert.Contains($"[open a pull request]({_h.GitHub.BaseUrl}acme/widgets/compare/main...kelos/issue-1?expand=1)", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CatchUp_ATaskThatEndedWhileGitHubWasDown_IsReportedAndNeverStaysRunning()
    {
        _h.CreateTask("run-1", _issue, _comment);
        _h.Move("run-1", TaskPhase.Running, "The agent is running");
        await _h.ReportAsync("run-1");
        _h.Move("run-1", TaskPhase.Failed, "The agent exited with code 2");

        await using var restarted = _h.Restarted();
        var reported = await restarted.CatchUp.RunOnceAsync(CancellationToken.None);
        var again = await restarted.CatchUp.RunOnceAsync(CancellationToken.None);

        Assert.Equal((1, 0), (reported, again));
        Assert.StartsWith("❌ **Failed**", Assert.Single(_h.BotComments(_issue)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HugeAnswer_CommentStaysWithinGitHubsLimit()
    {
        _h.CreateTask("run-1", _issue, _comment);
        var answer = string.Join('\n', Enumerable.Range(0, 4000).Select(i => $"line {i}: " + new string('x', 40)));
        _h.Move("run-1", TaskPhase.Succeeded, "The agent finished", new() { ["response"] = Encode("```text\n" + answer + "\n```") });

        await _h.ReportAsync("run-1");

        var body = Assert.Single(_h.BotComments(_issue)).Body;
        Assert.True(body.Length <= 65_536, $"{body.Length} characters");
        Assert.Contains("more characters", body, StringComparison.Ordinal);
        Assert.EndsWith("<!-- kelos:task:run-1 -->\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondaryRateLimitWithRetryAfter_WaitedOut_OneComment()
    {
        _h.CreateTask("run-1", _issue, _comment);
        _h.GitHub.ThrottleContentCreation(1, TimeSpan.FromSeconds(1));

        await _h.ReportAsync("run-1");

        Assert.StartsWith("👀 **Accepted**", Assert.Single(_h.BotComments(_issue)).Body, StringComparison.Ordinal);
        var posts = _h.GitHub.Calls.Where(c => c.Method == "POST" && c.ApiPath == $"/repos/{Repo}/issues/{_issue}/comments").Select(c => c.StatusCode);
        Assert.Equal([403, 201], posts);
    }

    [Fact]
    public async Task ServerErrorOnTheEdit_Retried_CommentShowsTheEnd()
    {
        _h.CreateTask("run-1", _issue, _comment);
        await _h.ReportAsync("run-1");
        var id = Assert.Single(_h.BotComments(_issue)).Id;
        _h.GitHub.FailNextCalls(1, 500, $"/repos/{Repo}/issues/comments/{id}");
        _h.Move("run-1", TaskPhase.Failed, "The agent exited with code 1");

        await _h.ReportAsync("run-1");

        var edits = _h.GitHub.Calls.Where(c => c.Method == "PATCH" && c.ApiPath == $"/repos/{Repo}/issues/comments/{id}").Select(c => c.StatusCode);
        Assert.Equal([500, 200], edits);
        Assert.StartsWith("❌ **Failed**", Assert.Single(_h.BotComments(_issue)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrorOnTheFirstPost_TheRetryPostsOnce()
    {
        _h.CreateTask("run-1", _issue, _comment);
        _h.GitHub.FailNextCalls(1, 502, $"/repos/{Repo}/issues/{_issue}/comments", "POST");

        // The bus retries a consumer that failed; the reporter's retry looks for its marker before posting.
        await Assert.ThrowsAnyAsync<Octokit.ApiException>(() => _h.ReportAsync("run-1"));
        await _h.ReportAsync("run-1");

        Assert.Single(_h.BotComments(_issue));
    }

    [Fact]
    public async Task Reporting_NeverWritesTheTaskResource()
    {
        _h.CreateTask("run-1", _issue, _comment);
        var generation = _h.Store.Generation;
        _h.Move("run-1", TaskPhase.Succeeded, "The agent finished", Results("kelos/issue-1", "Done."));
        var moved = _h.Store.Generation;

        await _h.ReportAsync("run-1");

        Assert.True(moved > generation);
        Assert.Equal(moved, _h.Store.Generation);
    }

    [Fact]
    public async Task TaskWithoutGitHubSource_NothingReported()
    {
        _h.Store.Create(new KelosTask
        {
            ApiVersion = ResourceKinds.V1Alpha1,
            Kind = ResourceKinds.Task,
            Metadata = new k8s.Models.V1ObjectMeta { Name = "local" },
            Spec = new TaskSpec { Type = "claude-code", Prompt = "x" },
        });

        await _h.ReportAsync("local");

        Assert.DoesNotContain(_h.GitHub.Calls, c => c.ApiPath.StartsWith("/repos/", StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Results(string branch, string answer) => new()
    {
        ["branch"] = branch,
        ["commit"] = "0123456789abcdef0123456789abcdef01234567",
        ["base-branch"] = "main",
        ["response"] = Encode(answer),
    };

    private static string Encode(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
}
