using Kelos.Contracts;
using Kelos.Core.Commands;
using Kelos.Core.Resources;
using Kelos.Core.Store;
using Kelos.GitHub.Replies;

namespace Kelos.GitHub.Triggers;

/// <summary>
/// Kelos's own verbs about the issue's or PR's Tasks: <c>cancel</c> (every unfinished one), <c>status</c> (each
/// with its phase and why it waits), <c>retry</c> (the last one again, under a new name). Returns the answer.
/// </summary>
public sealed class SubjectCommandHandler(IResourceStore store, CommentTemplates templates)
{
    public string Handle(GitHubEventReceived e, SlashCommand command)
    {
        var subject = e.Subject?.IsPullRequest == true ? "pull request" : "issue";
        var tasks = SubjectTasks.Of(store, e);
        switch (command.Verb)
        {
            case CommandVerbs.Cancel:
                var cancelled = tasks.Where(t => !TaskPhase.IsFinished(t.Status?.Phase))
                    .Where(t => TaskCancellation.Request(store, t.Name, $"@{e.Sender.Login}") is CancelOutcome.Requested or CancelOutcome.AlreadyRequested)
                    .Select(t => t.Name).ToList();
                return templates.Render(CommentTemplateNames.CancelRequested, new CancelledView(subject, cancelled, e.Sender.Login));
            case CommandVerbs.Retry:
                var last = tasks.Count == 0 ? null : tasks[^1];
                var again = last is null ? null : Retry(last, e);
                return templates.Render(CommentTemplateNames.Retried, new RetriedView(subject, last?.Name, again, e.Sender.Login));
            default:
                var queue = WaitingTasks.InOrder(store);
                var lines = tasks.Select(t => new TaskLine(t.Name, t.Spec.Type ?? "", t.Status?.Phase ?? TaskPhase.Pending, Detail(t, queue))).ToList();
                return templates.Render(CommentTemplateNames.Status, new StatusView(subject, lines));
        }
    }

    /// <summary>The first line of the Task's message; for a Task not started yet, its place in the queue first.</summary>
    private static string Detail(KelosTask task, List<string> queue)
    {
        var message = (task.Status?.Message ?? "").Split('\n')[0];
        return WaitingTasks.Position(queue, task.Name) is { } position ? $"#{position} in the queue — {message}" : message;
    }

    /// <summary>A new Task with the same spec; its name says which attempt it is, so a redelivered retry makes no third.</summary>
    private string Retry(KelosTask last, GitHubEventReceived e)
    {
        var stem = last.Name.Length > 55 ? last.Name[..55] : last.Name;
        var copy = ResourceJson.Clone(last);
        copy.Status = null;
        copy.Metadata = new k8s.Models.V1ObjectMeta
        {
            Name = $"{stem}-r{Core.Triggers.TaskNames.Hash($"{e.Comment?.Id}")[..6]}",
            Labels = last.Metadata.Labels,
            Annotations = last.Metadata.Annotations?.Where(a => a.Key != KelosAnnotations.CancelRequestedBy).ToDictionary(a => a.Key, a => a.Value),
        };
        store.Create(copy);
        return copy.Name;
    }
}
