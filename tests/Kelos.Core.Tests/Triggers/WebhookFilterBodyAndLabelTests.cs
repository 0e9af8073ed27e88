using System.Diagnostics;
using Kelos.Core.Commands;
using Kelos.Core.Resources;
using Kelos.Core.Triggers;

namespace Kelos.Core.Tests.Triggers;

public class WebhookFilterBodyAndLabelTests
{
    private static GitHubWebhookSource Source(GitHubWebhookFilter filter) => new()
    {
        Events = ["issue_comment", "issues", "pull_request"],
        Filters = [filter],
    };

    private static GitHubWebhookSource Pattern(string bodyPattern, params string[] exclude) =>
        Source(new GitHubWebhookFilter { BodyPattern = bodyPattern, ExcludeBodyPatterns = [.. exclude] });

    [Theory]
    [InlineData("(?m)^\\s*/kelos\\s+fix\\b", "Hi\n/kelos fix the page", true)]
    [InlineData("(?m)^\\s*/kelos\\s+fix\\b", "Hi\n/kelos plan", false)]
    [InlineData("LGTM", "looks good, LGTM", true)]
    public void Matches_BodyPattern_IsMatchedAgainstTheCommentBody(string pattern, string body, bool expected)
    {
        Assert.Equal(expected, WebhookFilterMatcher.Matches(Pattern(pattern), SampleEvents.IssueComment(body), null) is not null);
    }

    [Fact]
    public void Matches_BodyPatternOnIssuesEvent_IsMatchedAgainstTheIssueBody()
    {
        Assert.NotNull(WebhookFilterMatcher.Matches(Pattern("login page"), SampleEvents.Issues("opened"), null));
    }

    [Fact]
    public void Matches_BodyPatternOnPullRequestEvent_IsMatchedAgainstThePullRequestBody()
    {
        Assert.NotNull(WebhookFilterMatcher.Matches(Pattern("^Adds"), SampleEvents.PullRequestEvent("opened"), null));
    }

    [Fact]
    public void Matches_BodyPatternInHiddenText_DoesNotMatch()
    {
        var e = SampleEvents.IssueComment("Thanks <!-- /kelos run -->");

        Assert.Null(WebhookFilterMatcher.Matches(Pattern("/kelos run"), e, null));
    }

    [Fact]
    public void Matches_WithCommand_PatternSeesOnlyThatCommand()
    {
        const string body = "/kelos plan\n/kelos run --agent codex go";
        var e = SampleEvents.IssueComment(body);
        var commands = SlashCommandParser.Parse(body, null);
        var runSpawner = Pattern("^/kelos run\\b");

        Assert.Null(WebhookFilterMatcher.Matches(runSpawner, e, commands[0]));
        Assert.Equal(commands[1], WebhookFilterMatcher.Matches(runSpawner, e, commands[1])?.Command);
    }

    [Fact]
    public void Matches_MentionCommand_MatchesARunPattern()
    {
        var body = "@kelos-bot please fix it";
        var command = Assert.Single(SlashCommandParser.Parse(body, "kelos-bot"));

        Assert.NotNull(WebhookFilterMatcher.Matches(Pattern("^/kelos run\\b"), SampleEvents.IssueComment(body), command));
    }

    [Fact]
    public void Matches_ExcludeBodyPattern_Excludes()
    {
        var source = Pattern("/kelos", "(?i)wip");

        Assert.Null(WebhookFilterMatcher.Matches(source, SampleEvents.IssueComment("/kelos run WIP"), null));
        Assert.NotNull(WebhookFilterMatcher.Matches(source, SampleEvents.IssueComment("/kelos run"), null));
    }

    [Fact]
    public void Matches_CatastrophicBodyPattern_TimesOutWithoutThrowing()
    {
        var e = SampleEvents.IssueComment(new string('a', 40) + "!");
        var clock = Stopwatch.StartNew();

        var match = WebhookFilterMatcher.Matches(Pattern("^(a+)+$"), e, null);

        Assert.Null(match);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Matches_CatastrophicExcludePattern_TimesOutAsExcluded()
    {
        var e = SampleEvents.IssueComment(new string('a', 40) + "!");

        Assert.Null(WebhookFilterMatcher.Matches(Pattern("a", "^(a+)+$"), e, null));
    }

    [Fact]
    public void Matches_InvalidPattern_DoesNotMatchOrThrow()
    {
        Assert.Null(WebhookFilterMatcher.Matches(Pattern("(unclosed"), SampleEvents.IssueComment("(unclosed"), null));
    }

    [Theory]
    [InlineData(new[] { "bug" }, true)]
    [InlineData(new[] { "bug", "UI" }, true)]
    [InlineData(new[] { "bug", "docs" }, false)]
    public void Matches_Labels_AllRequired(string[] labels, bool expected)
    {
        var source = Source(new GitHubWebhookFilter { Labels = [.. labels] });

        Assert.Equal(expected, WebhookFilterMatcher.Matches(source, SampleEvents.Issues("opened"), null) is not null);
    }

    [Theory]
    [InlineData(new[] { "ui" }, false)]
    [InlineData(new[] { "wontfix" }, true)]
    public void Matches_ExcludeLabels_NoneMayBeOnTheSubject(string[] excluded, bool expected)
    {
        var source = Source(new GitHubWebhookFilter { ExcludeLabels = [.. excluded] });

        Assert.Equal(expected, WebhookFilterMatcher.Matches(source, SampleEvents.Issues("opened"), null) is not null);
    }

    [Fact]
    public void Matches_LabeledWithTheTriggerLabel_Matches()
    {
        var source = Source(new GitHubWebhookFilter { Action = "labeled", Labels = ["kelos/run"] });

        Assert.NotNull(WebhookFilterMatcher.Matches(source, SampleEvents.Issues("labeled", "kelos/run"), null));
    }

    [Fact]
    public void Matches_LabeledWithAnotherLabelWhileTriggerLabelIsOn_DoesNotMatch()
    {
        var source = Source(new GitHubWebhookFilter { Action = "labeled", Labels = ["bug"] });

        Assert.Null(WebhookFilterMatcher.Matches(source, SampleEvents.Issues("labeled", "ui"), null));
    }

    [Fact]
    public void Matches_LabeledWithAnExcludedLabel_DoesNotMatch()
    {
        var source = Source(new GitHubWebhookFilter { Action = "labeled", ExcludeLabels = ["kelos/skip"] });

        Assert.Null(WebhookFilterMatcher.Matches(source, SampleEvents.Issues("labeled", "kelos/skip"), null));
    }
}
