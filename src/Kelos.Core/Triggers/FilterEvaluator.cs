using System.Text.RegularExpressions;
using Kelos.Core.Resources;

namespace Kelos.Core.Triggers;

/// <summary>One <c>filters[]</c> entry against one event: every field that is set must hold.</summary>
internal static class FilterEvaluator
{
    private const StringComparison IgnoreCase = StringComparison.OrdinalIgnoreCase;

    public static bool Matches(GitHubWebhookFilter filter, EventFacts facts)
    {
        var e = facts.Event;
        return Same(filter.Event, e.Event)
            && Same(filter.Action, e.Action)
            && Same(filter.Author, e.Sender.Login)
            && Same(filter.State, e.Event == "pull_request_review" ? e.Comment?.ReviewState : e.Subject?.State)
            && Same(filter.CheckName, e.CheckRun?.Name)
            && Same(filter.Conclusion, e.CheckRun?.Conclusion)
            && (filter.Branch is null || (facts.Branch is { } branch && BranchGlob.IsMatch(filter.Branch, branch)))
            && (filter.Draft is not { } draft || (e.Subject is { IsPullRequest: true } pr && (pr.Draft ?? false) == draft))
            && CommentOnMatches(filter.CommentOn, facts)
            && LabelsMatch(filter, facts)
            && (filter.BodyPattern is null || IsMatch(filter.BodyPattern, facts.Body, onTimeout: false))
            && !(filter.ExcludeBodyPatterns ?? []).Any(p => IsMatch(p, facts.Body, onTimeout: true));
    }

    /// <summary>Unset matches anything; set must equal the event's value, which must be there.</summary>
    private static bool Same(string? wanted, string? actual) => wanted is null || string.Equals(wanted, actual, IgnoreCase);

    private static bool CommentOnMatches(string? commentOn, EventFacts facts)
    {
        if (commentOn is null)
        {
            return true;
        }

        if (facts.Event.Comment is null || facts.Event.Subject is not { } subject)
        {
            return false;
        }

        return subject.IsPullRequest
            ? string.Equals(commentOn, "PullRequest", IgnoreCase)
            : string.Equals(commentOn, "Issue", IgnoreCase);
    }

    /// <summary>
    /// All of <c>labels</c> on the subject and none of <c>excludeLabels</c>. On a <c>labeled</c> action the label just
    /// added counts as on the subject and must be one of <c>labels</c>, so that adding some other label to an issue
    /// that already carries the trigger label does not trigger again.
    /// </summary>
    private static bool LabelsMatch(GitHubWebhookFilter filter, EventFacts facts)
    {
        if (filter.Labels is { Count: > 0 } required)
        {
            if (!required.All(facts.Labels.Contains))
            {
                return false;
            }

            if (facts.AddedLabel is { } added && !required.Contains(added, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return !(filter.ExcludeLabels ?? []).Any(facts.Labels.Contains);
    }

    /// <summary>A pattern that does not compile or runs out of time gives <paramref name="onTimeout"/>: no match for a
    /// body pattern, a match (so: excluded) for an exclude pattern. Fail closed either way.</summary>
    private static bool IsMatch(string pattern, string text, bool onTimeout)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, WebhookFilterMatcher.RegexTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return onTimeout;
        }
        catch (ArgumentException)
        {
            return onTimeout;
        }
    }
}
