using System.Globalization;
using Kelos.Agents;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Core.Text;
using Kelos.Core.Triggers;

namespace Kelos.GitHub.Reporting;

/// <summary>What the reporter knows about a Task beyond the resource: its place in the queue, its pull request, its log.</summary>
/// <param name="RepositoryUrl">The repository's web address (<c>https://github.com/acme/widgets</c>); null without GitHub.</param>
public sealed record TaskFacts(
    int? QueuePosition = null,
    PullRequestView? PullRequest = null,
    IReadOnlyList<string>? LogTail = null,
    Uri? RepositoryUrl = null,
    bool AnswerPostedSeparately = false);

/// <summary>Builds the view a template renders from a Task resource and what the reporter found out about it.</summary>
public static class TaskViews
{
    /// <summary>Answers longer than this many characters, or lines, are collapsed in the comment.</summary>
    private const int LongAnswerCharacters = 1_500;
    private const int LongAnswerLines = 20;

    /// <summary>An answer is trimmed to this before it is rendered, so the comment stays within GitHub's limit.</summary>
    private const int AnswerBudget = 40_000;
    private const int LogLineBudget = 400;

    public static TaskView Build(KelosTask task, TaskFacts facts, DateTimeOffset now, string? logUrlTemplate)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(facts);
        var status = task.Status ?? new KelosTaskStatus();
        var results = (IReadOnlyDictionary<string, string>?)status.Results ?? new Dictionary<string, string>();
        var phase = status.Phase ?? TaskPhase.Pending;
        var answer = OutputsBlock.Answer(results) is { Length: > 0 } text
            ? CommentBodies.Trim(text, "_… the answer goes on for {0} more characters: `kelos get task " + task.Name + " -o json` has it whole._", AnswerBudget)
            : null;
        var logTail = (facts.LogTail ?? []).Select(l => l.Length > LogLineBudget ? l[..LogLineBudget] + " …" : l).ToList();
        var usage = status.Usage is { } u && (u.InputTokens is not null || u.OutputTokens is not null || u.CostUsd is not null)
            ? new UsageView(Number(u.InputTokens), Number(u.OutputTokens), u.CostUsd)
            : null;
        return new TaskView(
            task.Name,
            task.Spec.Type ?? "",
            task.Spec.Model,
            AgentLabel(task),
            phase,
            (status.Message ?? "").Trim().TrimEnd('.'),
            task.Label(KelosAnnotations.SpawnerLabel),
            task.Annotation(SourceAnnotations.RequestedBy),
            task.Annotation(SourceAnnotations.Kind) == SourceAnnotations.KindPullRequest ? "pull request" : "issue",
            phase is TaskPhase.Pending or TaskPhase.Waiting ? facts.QueuePosition : null,
            phase == TaskPhase.Waiting ? WaitKind(status.Message) : null,
            status.StartTime is { } start ? start.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : null,
            phase == TaskPhase.Running && status.StartTime is { } since ? Age.Format(now - since) : null,
            status.StartTime is { } from && status.CompletionTime is { } to ? Age.Format(to - from) : null,
            logUrlTemplate is { Length: > 0 } ? logUrlTemplate.Replace("{task}", Uri.EscapeDataString(task.Name), StringComparison.Ordinal) : null,
            Branch(task, results, facts.RepositoryUrl),
            facts.PullRequest,
            answer,
            answer is not null && (answer.Length > LongAnswerCharacters || answer.Count(c => c == '\n') >= LongAnswerLines),
            facts.AnswerPostedSeparately,
            usage,
            logTail,
            Fence(logTail),
            status.CancelledBy);
    }

    private static string AgentLabel(KelosTask task)
    {
        var agent = task.Spec.Type ?? "the agent";
        return task.Spec.Image is { Length: > 0 } image ? $"{agent} (image `{image}`)"
            : task.Spec.Model is { Length: > 0 } model ? $"{agent} ({model})"
            : agent;
    }

    private static string WaitKind(string? message) => message switch
    {
        _ when message?.StartsWith("Waiting for dependency", StringComparison.Ordinal) == true => "dependency",
        _ when message?.StartsWith("Waiting for branch", StringComparison.Ordinal) == true => "branch",
        _ when message?.StartsWith("Waiting for a free slot", StringComparison.Ordinal) == true => "capacity",
        _ => "other",
    };

    private static BranchView? Branch(KelosTask task, IReadOnlyDictionary<string, string> results, Uri? repository)
    {
        var name = results.GetValueOrDefault("branch") ?? TaskBranch.Of(task);
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var commit = results.GetValueOrDefault("commit");
        var baseBranch = results.GetValueOrDefault("base-branch");
        var web = repository?.ToString().TrimEnd('/');
        var compare = web is not null && baseBranch is not null ? $"{web}/compare/{Escape(baseBranch)}...{Escape(name)}" : null;
        return new BranchView(
            name,
            web is null ? null : $"{web}/tree/{Escape(name)}",
            baseBranch,
            compare,
            compare is null ? null : compare + "?expand=1",
            commit,
            commit is { Length: > 7 } ? commit[..7] : commit,
            web is not null && commit is not null ? $"{web}/commit/{commit}" : null);
    }

    private static string Escape(string branch) => string.Join('/', branch.Split('/').Select(Uri.EscapeDataString));

    private static string? Number(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A backtick fence longer than any run of backticks in the lines, at least three.</summary>
    private static string Fence(IReadOnlyList<string> lines)
    {
        var longest = 0;
        foreach (var line in lines)
        {
            var run = 0;
            foreach (var c in line)
            {
                run = c == '`' ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }
        }

        return new string('`', Math.Max(3, longest + 1));
    }
}
