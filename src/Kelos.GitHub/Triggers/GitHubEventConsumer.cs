using Kelos.Contracts;
using Kelos.Core.Commands;
using Kelos.Core.Resources;
using Kelos.Core.Store;
using Kelos.GitHub.Replies;
using Kelos.GitHub.Webhooks;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kelos.GitHub.Triggers;

/// <summary>
/// Acts on a GitHub event: 👀 for a person's request, the Tasks its commands or labels start (created once:
/// their names derive from the event), and an answer for everything it will not or cannot do. Every person
/// who asks gets an answer.
/// </summary>
public sealed class GitHubEventConsumer(
    IResourceStore store,
    TriggerPlanner planner,
    GitHubEventEnricher enricher,
    RepositoryWorkspaces workspaces,
    SubjectCommandHandler subjectCommands,
    HelpReplies help,
    IOptions<KelosWebhookOptions> webhookOptions,
    ILogger<GitHubEventConsumer> logger) : IConsumer<GitHubEventReceived>
{
    public async Task Consume(ConsumeContext<GitHubEventReceived> context)
    {
        var e = context.Message;
        if (e.Repository is not { } repo || e.InstallationId is not { } installation || e.Event.StartsWith("installation", StringComparison.Ordinal))
        {
            return;
        }

        // A person's command is acknowledged first, before any call to GitHub: 👀 within a second.
        var acknowledged = false;
        if (e.Comment is { } written && e.Sender.Type != "Bot" && SlashCommandParser.Parse(written.Body, webhookOptions.Value.AppSlug).Count > 0)
        {
            await AcknowledgeAsync(context, e);
            acknowledged = true;
        }

        e = await enricher.EnrichAsync(e);
        var spawners = store.List<TaskSpawner>();
        var outcomes = await planner.PlanAsync(e, spawners, webhookOptions.Value.AppSlug, context.CancellationToken);
        if (outcomes.Count == 0)
        {
            return;
        }

        if (!acknowledged)
        {
            await AcknowledgeAsync(context, e);
        }

        for (var i = 0; i < outcomes.Count; i++)
        {
            var answer = Act(e, outcomes[i], spawners);
            if (answer is not null && e.Subject is { } subject)
            {
                await context.Publish(new ReplyRequest(installation, repo.Owner, repo.Name, subject.Number, ReplyKey(e, i), answer));
            }
        }
    }

    /// <summary>👀 on the comment that asked; for a label or a review (which takes no reactions), on the issue or PR.</summary>
    private static Task AcknowledgeAsync(ConsumeContext context, GitHubEventReceived e)
    {
        var kind = e.Event switch
        {
            "issue_comment" => "issue",
            "pull_request_review_comment" => "review",
            _ => null,
        };
        return context.Publish(new AcknowledgeRequest(e.InstallationId!.Value, e.Repository!.Owner, e.Repository.Name, e.Subject?.Number, kind is null ? null : e.Comment?.Id, kind));
    }

    /// <summary>
    /// The same for a redelivery or a retry of this event (so the answer is posted once), different for any other
    /// request: the comment (and the outcome's place among its commands), else the label or check run.
    /// </summary>
    private static string ReplyKey(GitHubEventReceived e, int outcome) =>
        e.Comment is { } c ? $"{e.Event}-{c.Id}-{e.Action}-{outcome}"
            : $"{e.Event}-{e.Action}-{e.Label ?? e.CheckRun?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? e.DeliveryId}-{outcome}";

    /// <summary>Carries out one outcome; returns the answer to post, or null when the Task's own reports will speak.</summary>
    private string? Act(GitHubEventReceived e, TriggerOutcome outcome, IReadOnlyList<TaskSpawner> spawners)
    {
        switch (outcome)
        {
            case StartTask start:
                workspaces.Attach(start.Task, e);
                if (store.Create(start.Task))
                {
                    logger.LogInformation("Task {TaskName} created by spawner {Spawner} for {Sender}", start.Task.Name, start.Spawner, e.Sender.Login);
                }
                else
                {
                    logger.LogInformation("Task {TaskName} exists already; the request was seen before", start.Task.Name);
                }

                return null;
            case Refused refused:
                logger.LogInformation("Refused {Sender} on {Repository}: {Reason}", e.Sender.Login, e.Repository?.FullName, refused.Reason);
                return help.Refused(refused);
            case ShowHelp show:
                return help.Help(show, spawners, webhookOptions.Value.AppSlug);
            case SubjectCommand own:
                return subjectCommands.Handle(e, own.Command);
            default:
                return null;
        }
    }
}
