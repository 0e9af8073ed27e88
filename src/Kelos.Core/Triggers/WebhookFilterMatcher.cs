using Kelos.Contracts;
using Kelos.Core.Commands;
using Kelos.Core.Resources;

namespace Kelos.Core.Triggers;

/// <summary>
/// Decides whether a <c>githubWebhook</c> TaskSpawner source wants an event (kelos-api.md, TaskSpawner sources).
/// </summary>
/// <remarks>
/// <para>In order: <c>events[]</c> must contain the event (an empty or missing list matches nothing);
/// <c>repository</c> (<c>owner/repo</c>) must name the event's repository; the sender must not be in
/// <c>excludeAuthors</c>. Then <c>filters[]</c>: none means every event passes, otherwise the first filter that
/// matches wins (any one is enough). Within a filter every field that is set must hold:</para>
/// <list type="table">
/// <listheader><term>Field</term><description>Holds when</description></listheader>
/// <item><term>event, action</term><description>equal to the event's name and action.</description></item>
/// <item><term>author</term><description>equal to the sender's login (as upstream).</description></item>
/// <item><term>bodyPattern</term><description>the .NET regular expression matches the body: the command's canonical
/// line (<see cref="SlashCommand.ToCommandLine"/>) when matched for a command, else the comment or review body, else
/// the issue or pull request body, with hidden text stripped. Matching a command's line keeps two commands of one
/// comment apart, and lets a mention (<c>@app fix it</c> reads <c>/kelos run fix it</c>) match a <c>run</c> pattern.
/// </description></item>
/// <item><term>excludeBodyPatterns</term><description>none of them matches the same body.</description></item>
/// <item><term>labels</term><description>all on the subject; on a <c>labeled</c> action the label just added counts,
/// and must be one of them.</description></item>
/// <item><term>excludeLabels</term><description>none on the subject (nor just added).</description></item>
/// <item><term>state</term><description>equal to the or pull request's state.</description></item>
/// <item><term>branch</term><description>the pull request's head branch (else the check run's) matches the pattern
/// (see <see cref="BranchGlob"/>: <c>*</c>, <c>**</c>, <c>?</c>).</description></item>
/// <item><term>draft</term><description>the subject is a pull request with that draft state.</description></item>
/// <item><term>commentOn</term><description>the event carries a comment, on an <c>Issue</c> or a
/// <c>PullRequest</c>.</description></item>
/// <item><term>conclusion, checkName</term><description>equal to the check run's.</description></item>
/// </list>
/// <para>A field that asks for something the event does not have (a state without a subject, a conclusion without a
/// check run) does not hold. Names, logins, labels, states and conclusions compare case-insensitively, as GitHub
/// treats them. Regular expressions run with a one-second timeout; a timeout never throws: a body pattern then does not
/// match and an exclude pattern does (fail closed). A command with an <see cref="SlashCommand.Error"/> matches
/// nothing.</para>
/// </remarks>
public static class WebhookFilterMatcher
{
    /// <summary>How long one regular expression may run against one body.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The match, or null when the source does not want the event.</summary>
    /// <param name="source">The spawner's <c>spec.when.githubWebhook</c>.</param>
    /// <param name="e">The event.</param>
    /// <param name="command">The command the event is evaluated for, or null. For a comment that holds commands, call
    /// once per valid command; for a comment without any, and for other events, call once with null. (Calling with null
    /// for a comment that holds commands as well would let a spawner's pattern see every command of it at once.)</param>
    public static TriggerMatch? Matches(GitHubWebhookSource source, GitHubEventReceived e, SlashCommand? command)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(e);
        if (command is { IsValid: false }
            || !(source.Events ?? []).Contains(e.Event, StringComparer.OrdinalIgnoreCase)
            || (source.Repository is { Length: > 0 } repository
                && !string.Equals(repository, e.Repository?.FullName, StringComparison.OrdinalIgnoreCase))
            || (source.ExcludeAuthors ?? []).Contains(e.Sender.Login, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        if (source.Filters is not { Count: > 0 } filters)
        {
            return new TriggerMatch(null, null, command);
        }

        var facts = EventFacts.From(e, command);
        for (var i = 0; i < filters.Count; i++)
        {
            if (FilterEvaluator.Matches(filters[i], facts))
            {
                return new TriggerMatch(i, filters[i], command);
            }
        }

        return null;
    }
}
