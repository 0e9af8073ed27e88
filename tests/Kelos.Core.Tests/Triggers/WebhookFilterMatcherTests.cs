using Kelos.Core.Commands;
using Kelos.Core.Resources;
using Kelos.Core.Triggers;

namespace Kelos.Core.Tests.Triggers;

public class WebhookFilterMatcherTests
{
    private static GitHubWebhookSource Source(params GitHubWebhookFilter[] filters) => new()
    {
        Events = ["issue_comment", "issues", "pull_request", "check_run"],
        Filters = [.. filters],
    };

    [Fact]
    public void Matches_EventNotListed_ReturnsNull()
    {
        var source = new GitHubWebhookSource { Events = ["issues"] };

        Assert.Null(WebhookFilterMatcher.Matches(source, SampleEvents.IssueComment("hi"), null));
    }

    [Fact]
    public void Matches_NoEventsListed_ReturnsNull()
    {
        Assert.Null(WebhookFilterMatcher.Matches(new GitHubWebhookSource(), SampleEvents.IssueComment("hi"), null));
    }

    [Fact]
    public void Matches_NoFilters_MatchesEveryListedEvent()
    {
        var match = WebhookFilterMatcher.Matches(Source(), SampleEvents.IssueComment("hi"), null);

        Assert.Equal(new TriggerMatch(null, null, null), match);
    }

    [Theory]
    [InlineData("acme/web", true)]
    [InlineData("ACME/Web", true)]
    [InlineData("acme/api", false)]
    public void Matches_RepositoryFilter_ComparesOwnerAndName(string repository, bool expected)
    {
        var source = Source();
        source.Repository = repository;

        Assert.Equal(expected, WebhookFilterMatcher.Matches(source, SampleEvents.IssueComment("hi"), null) is not null);
    }

    [Fact]
    public void Matches_ExcludedSender_ReturnsNull()
    {
        var source = Source();
        source.ExcludeAuthors = ["CAROL"];

        Assert.Null(WebhookFilterMatcher.Matches(source, SampleEvents.IssueComment("hi"), null));
    }

    [Fact]
    public void Matches_SecondFilterMatches_AnyOneIsEnough()
    {
        var first = new GitHubWebhookFilter { Event = "issues" };
        var second = new GitHubWebhookFilter { Event = "issue_comment", Action = "created" };

        var match = WebhookFilterMatcher.Matches(Source(first, second), SampleEvents.IssueComment("hi"), null);

        Assert.Equal(1, match?.FilterIndex);
        Assert.Same(second, match?.Filter);
    }

    [Fact]
    public void Matches_NoFilterMatches_ReturnsNull()
    {
        var filters = new[] { new GitHubWebhookFilter { Event = "issues" }, new GitHubWebhookFilter { Action = "edited" } };

        Assert.Null(WebhookFilterMatcher.Matches(Source(filters), SampleEvents.IssueComment("hi"), null));
    }

    [Theory]
    [InlineData("created", true)]
    [InlineData("edited", false)]
    public void Matches_ActionFilter_ComparesAction(string action, bool expected)
    {
        var source = Source(new GitHubWebhookFilter { Action = action });

        Assert.Equal(expected, WebhookFilterMatcher.Matches(source, SampleEvents.IssueComment("hi"), null) is not null);
    }

    [Theory]
    [InlineData("carol", true)]
    [InlineData("Carol", true)]
    [InlineData("ann", false)]
    public void Matches_AuthorFilter_ComparesSender(string author, bool expected)
    {
        var source = Source(new GitHubWebhookFilter { Author = author });

        Assert.Equal(expected, WebhookFilterMatcher.Matches(source, SampleEvents.IssueComment("hi"), null) is not null);
    }

    [Theory]
    [InlineData("open", true)]
    [InlineData("closed", false)]
    public void Matches_StateFilter_ComparesSubjectState(string state, bool expected)
    {
        var source = Source(new GitHubWebhookFilter { State = state });

        Assert.Equal(expected, WebhookFilterMatcher.Matches(source, SampleEvents.Issues("opened"), null) is not null);
    }

    [Fact]
    public void Matches_StateFilterWithoutSubject_ReturnsNull()
    {
        var source = Source(new GitHubWebhookFilter { State = "open" });

        Assert.Null(WebhookFilterMatcher.Matches(source, SampleEvents.CheckRun("test", "failure"), null));
    }

    [Theory]
    [InlineData("feature/*", true)]
    [InlineData("feature/cache", true)]
    [InlineData("feat*", false)]
    [InlineData("**", true)]
    [InlineData("feature/?ache", true)]
    [InlineData("release/*", false)]
    [InlineData("Feature/cache", false)]
    public void Matches_BranchFilter_GlobsThePullRequestHeadBranch(string pattern, bool expected)
    {
        var source = Source(new GitHubWebhookFilter { Branch = pattern });

        Assert.Equal(expected, WebhookFilterMatcher.Matches(source, SampleEvents.PullRequestEvent("opened"), null) is not null);
    }

    [Fact]
    public void Matches_BranchSingleStar_DoesNotCrossSlash()
    {
        var pr = SampleEvents.PullRequest() with { HeadBranch = "feature/a/b" };
        var single = Source(new GitHubWebhookFilter { Branch = "feature/*" });
        var across = Source(new GitHubWebhookFilter { Branch = "feature/**" });

        Assert.Null(WebhookFilterMatcher.Matches(single, SampleEvents.PullRequestEvent("opened", pr), null));
        Assert.NotNull(WebhookFilterMatcher.Matches(across, SampleEvents.PullRequestEvent("opened", pr), null));
    }

    [Fact]
    public void Matches_BranchFilterOnCheckRun_UsesItsHeadBranch()
    {
        var source = Source(new GitHubWebhookFilter { Branch = "feature/*" });

        Assert.NotNull(WebhookFilterMatcher.Matches(source, SampleEvents.CheckRun("test", "failure"), null));
        Assert.Null(WebhookFilterMatcher.Matches(source, SampleEvents.CheckRun("test", "failure", headBranch: null), null));
    }

    [Fact]
    public void Matches_BranchFilterOnIssue_ReturnsNull()
    {
        var source = Source(new GitHubWebhookFilter { Branch = "**" });

        Assert.Null(WebhookFilterMatcher.Matches(source, SampleEvents.Issues("opened"), null));
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(true, true, true)]
    public void Matches_DraftFilter_ComparesDraftState(bool wanted, bool actual, bool expected)
    {
        var source = Source(new GitHubWebhookFilter { Draft = wanted });
        var e = SampleEvents.PullRequestEvent("opened", SampleEvents.PullRequest() with { Draft = actual });

        Assert.Equal(expected, WebhookFilterMatcher.Matches(source, e, null) is not null);
    }

    [Fact]
    public void Matches_DraftFilterOnIssue_ReturnsNull()
    {
        var source = Source(new GitHubWebhookFilter { Draft = false });

        Assert.Null(WebhookFilterMatcher.Matches(source, SampleEvents.Issues("opened"), null));
    }

    [Theory]
    [InlineData("Issue", false, true)]
    [InlineData("Issue", true, false)]
    [InlineData("PullRequest", true, true)]
    [InlineData("PullRequest", false, false)]
    public void Matches_CommentOnFilter_ComparesWhereTheCommentIs(string commentOn, bool onPullRequest, bool expected)
    {
        var source = Source(new GitHubWebhookFilter { CommentOn = commentOn });
        var subject = onPullRequest ? SampleEvents.PullRequest() : SampleEvents.Issue();

        Assert.Equal(expected, WebhookFilterMatcher.Matches(source, SampleEvents.IssueComment("hi", subject), null) is not null);
    }

    [Fact]
    public void Matches_CommentOnFilterWithoutComment_ReturnsNull()
    {
        var source = Source(new GitHubWebhookFilter { CommentOn = "Issue" });

        Assert.Null(WebhookFilterMatcher.Matches(source, SampleEvents.Issues("opened"), null));
    }

    [Theory]
    [InlineData("failure", "test", true)]
    [InlineData("FAILURE", "Test", true)]
    [InlineData("success", "test", false)]
    [InlineData("failure", "lint", false)]
    public void Matches_ConclusionAndCheckName_CompareTheCheckRun(string conclusion, string checkName, bool expected)
    {
        var source = Source(new GitHubWebhookFilter { Event = "check_run", Conclusion = conclusion, CheckName = checkName });

        Assert.Equal(expected, WebhookFilterMatcher.Matches(source, SampleEvents.CheckRun("test", "failure"), null) is not null);
    }

    [Fact]
    public void Matches_ConclusionFilterOnCommentEvent_ReturnsNull()
    {
        var source = Source(new GitHubWebhookFilter { Conclusion = "failure" });

        Assert.Null(WebhookFilterMatcher.Matches(source, SampleEvents.IssueComment("hi"), null));
    }

    [Fact]
    public void Matches_CommandWithError_ReturnsNull()
    {
        var command = new SlashCommand("run", null, null, "", 1) { Error = "unknown option --x" };

        Assert.Null(WebhookFilterMatcher.Matches(Source(), SampleEvents.IssueComment("/kelos run --x"), command));
    }
}
