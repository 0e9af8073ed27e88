using Kelos.Contracts;
using Kelos.Core.Commands;
using Kelos.Core.Resources;
using Kelos.Core.Templating;
using Kelos.Core.Triggers;

namespace Kelos.GitHub.Triggers;

/// <summary>
/// Turns one GitHub event into outcomes: the Tasks to start, the refusals and help to reply with, the built-in
/// verbs to carry out. Commands come from the comment (one outcome per command); an event without a comment
/// (a label, a review, a check run) is matched as it is. The built-in <c>help</c>, <c>cancel</c>, <c>status</c>
/// and <c>retry</c> are Kelos's own; every other verb is whatever the TaskSpawners match.
/// </summary>
public sealed class TriggerPlanner(ITrustCheck trust, PromptIncludes? includes = null)
{
    private static readonly HashSet<string> OwnVerbs = [CommandVerbs.Help, CommandVerbs.Cancel, CommandVerbs.Status, CommandVerbs.Retry];

    public async Task<IReadOnlyList<TriggerOutcome>> PlanAsync(GitHubEventReceived e, IReadOnlyList<TaskSpawner> spawners, string? appSlug, CancellationToken cancellationToken)
    {
        var webhookSpawners = spawners.Where(s => s.Spec.When.GitHubWebhook is not null && s.Spec.Suspend != true).ToList();
        if (IsLoop(e, appSlug, webhookSpawners))
        {
            return [];
        }

        if (e.Action == "edited")
        {
            // An edit is not a new request: commands are read when a comment is posted. (Re-reading edits would
            // run cancel/retry again, and answer "unknown command" for a typo fix.) Post a new comment instead.
            return [];
        }

        // Commands come from comments; a review's summary is the review, matched as an event, not as commands.
        var commands = e.Comment is { } comment && e.Event is "issue_comment" or "pull_request_review_comment"
            ? SlashCommandParser.Parse(comment.Body, appSlug)
            : [];
        var outcomes = new List<TriggerOutcome>();
        if (commands.Count == 0)
        {
            // A label, a review, a check run — or a comment without a command, which a spawner's own
            // bodyPattern may still match (upstream style).
            await AddMatchesAsync(e, null, webhookSpawners, outcomes, cancellationToken);
            return outcomes;
        }

        foreach (var command in commands)
        {
            if (!command.IsValid)
            {
                outcomes.Add(new Refused(command, $"`{command.ToCommandLine()}`: {command.Error}"));
                continue;
            }

            if (OwnVerbs.Contains(command.Verb))
            {
                outcomes.Add(command.Verb == CommandVerbs.Help ? new ShowHelp(command, null) : await OwnVerbAsync(e, command, cancellationToken));
                continue;
            }

            var before = outcomes.Count;
            await AddMatchesAsync(e, command, webhookSpawners, outcomes, cancellationToken);
            if (outcomes.Count == before)
            {
                outcomes.Add(new ShowHelp(command, command.Verb));
            }
        }

        return outcomes;
    }

    /// <summary>
    /// Our own comments come back as webhooks, and bots answer bots: events sent by our App are never acted on,
    /// and those of other bots only when a spawner lists the bot in <c>commentPolicy.allowedUsers</c>.
    /// </summary>
    private static bool IsLoop(GitHubEventReceived e, string? appSlug, List<TaskSpawner> spawners)
    {
        var login = e.Sender.Login;
        if (appSlug is not null && login.Equals($"{appSlug}[bot]", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return e.Sender.Type == "Bot" && !spawners.Any(s =>
            s.Spec.When.GitHubWebhook!.CommentPolicy?.AllowedUsers?.Contains(login, StringComparer.OrdinalIgnoreCase) == true);
    }

    private async Task<TriggerOutcome> OwnVerbAsync(GitHubEventReceived e, SlashCommand command, CancellationToken cancellationToken)
    {
        if (command.Verb == CommandVerbs.Status)
        {
            return new SubjectCommand(command);
        }

        var verdict = await CheckAsync(e, null, cancellationToken);
        return verdict.Allowed ? new SubjectCommand(command) : new Refused(command, verdict.Reason!);
    }

    private async Task AddMatchesAsync(GitHubEventReceived e, SlashCommand? command, List<TaskSpawner> spawners, List<TriggerOutcome> outcomes, CancellationToken cancellationToken)
    {
        foreach (var spawner in spawners)
        {
            if (WebhookFilterMatcher.Matches(spawner.Spec.When.GitHubWebhook!, e, command) is null)
            {
                continue;
            }

            var verdict = await CheckAsync(e, spawner.Spec.When.GitHubWebhook!.CommentPolicy, cancellationToken);
            if (!verdict.Allowed)
            {
                outcomes.Add(new Refused(command, verdict.Reason!));
                continue;
            }

            if (ForkOf(e) is { } fork)
            {
                outcomes.Add(new Refused(command, $"this pull request comes from {fork}; Kelos does not run an agent, with this repository's token and the model's key, on code this repository does not control — push the branch to {e.Repository!.FullName} and ask again"));
                continue;
            }

            if (command?.Agent is { } agent && OtherAgentsCredentials(spawner, agent) is { } problem)
            {
                outcomes.Add(new Refused(command, problem));
                continue;
            }

            try
            {
                var task = SpawnedTaskBuilder.Build(spawner, e, command, WorkItemKey(e, command), includes);
                outcomes.Add(new StartTask(task, spawner.Name, command));
            }
            catch (TriggerException ex)
            {
                outcomes.Add(new Refused(command, ex.Message));
            }
        }
    }

    /// <summary>
    /// What makes a pull request foreign, or null when it is this repository's own: a head in another repository
    /// (a fork), or a head repository nobody can name any more (a deleted fork) — never trusted as our own.
    /// </summary>
    public static string? ForkOf(GitHubEventReceived e)
    {
        if (e.Subject is not { IsPullRequest: true } pull || e.Repository is not { } repo)
        {
            return null;
        }

        return pull.HeadRepository is not { } head ? "a head repository that no longer exists (a deleted fork)"
            : string.Equals(head, repo.FullName, StringComparison.OrdinalIgnoreCase) ? null
            : $"the fork {head}";
    }

    /// <summary>
    /// <c>--agent</c> with the spawner's own credentials would hand one provider's key to another provider's CLI.
    /// Allowed when the spawner has no credentials of its own (type none) or the agent is the spawner's own.
    /// </summary>
    private static string? OtherAgentsCredentials(TaskSpawner spawner, string agent)
    {
        var template = spawner.Spec.TaskTemplate;
        var type = template.Type ?? template.Worker?.Type;
        var credentials = template.Credentials ?? template.Worker?.Credentials;
        return agent == type || credentials is null || credentials.Type == Credentials.None
            ? null
            : $"this command runs {type} with credentials for {type}; --agent {agent} needs a command configured with {agent}'s own credentials";
    }

    private Task<TrustVerdict> CheckAsync(GitHubEventReceived e, CommentPolicy? policy, CancellationToken cancellationToken) =>
        e.Repository is null || e.InstallationId is null
            ? Task.FromResult(TrustVerdict.No("the event names no repository or installation"))
            : trust.CheckAsync(e.InstallationId.Value, e.Repository.Owner, e.Repository.Name, e.Sender.Login, policy, cancellationToken);

    /// <summary>
    /// What makes a request the same request: the comment (or review, label, check run) and the command's line.
    /// A redelivered event makes the same Task name, so it creates nothing new; an edited comment or a new
    /// comment is a new request.
    /// </summary>
    public static string WorkItemKey(GitHubEventReceived e, SlashCommand? command)
    {
        var what = e.Comment is { } c ? $"comment:{c.Id}:{e.Action}" : e.Label is { } label ? $"label:{e.Subject?.Number}:{label}"
            : e.CheckRun is { } run ? $"check-run:{run.Id}" : $"delivery:{e.DeliveryId}";
        return $"{e.Repository?.FullName}|{e.Event}|{what}|{command?.Line}";
    }
}
