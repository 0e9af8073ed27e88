using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kelos.Agents;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Core.Store;
using Kelos.GitHub.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit;

namespace Kelos.GitHub.Reporting;

/// <summary>
/// Tells GitHub where a Task stands. It reports the Task's current state (never an event's), so events that arrive
/// late, twice or out of order, a retried consumer and the catch-up all converge on the same comment: one tracking
/// comment per Task edited in place, the pull request, the check run, and for a finished Task its answer comment,
/// thread reply and reaction. What it did is kept in the Task's annotations (<see cref="ReportingAnnotations"/>), so an
/// unchanged report is not sent again and a restarted reporter carries on.
/// </summary>
public sealed class TaskReporter(
    IResourceStore store,
    GitHubClientFactory clients,
    GitHubConnectionFactory connections,
    TrackingCommentRenderer renderer,
    TrackingComments tracking,
    PullRequestOpener pullRequests,
    FinishingTouches finishing,
    IReportState reportState,
    IOptions<ReporterOptions> options,
    TimeProvider time,
    ILogger<TaskReporter> logger,
    ITaskLogs? logs = null)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>Reports the Task named <paramref name="name"/> as it is now; nothing when it has no GitHub source.</summary>
    public async Task ReportAsync(string name, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await ReportLockedAsync(name, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>True when the Task's report is behind its phase: the catch-up reports it again.</summary>
    public bool IsBehind(KelosTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (ReportTarget.From(task) is null)
        {
            return false;
        }

        var record = reportState.Find(task.Name, task.Metadata.Uid);
        var phase = task.Status?.Phase ?? TaskPhase.Pending;
        return record.ReportedPhase != phase || (TaskPhase.IsFinished(phase) && !record.Finalized);
    }

    private async Task ReportLockedAsync(string name, CancellationToken cancellationToken)
    {
        var task = store.Find<KelosTask>(name);
        if (task is null || ReportTarget.From(task) is not { } target)
        {
            return;
        }

        var settings = ReportSettings.Of(task);
        var record = reportState.Find(task.Name, task.Metadata.Uid);
        var phase = task.Status?.Phase ?? TaskPhase.Pending;
        var finished = TaskPhase.IsFinished(phase);
        if (finished && record.Finalized && record.ReportedPhase == phase)
        {
            return;
        }

        var client = clients.CreateInstallationClient(target.InstallationId);
        var facts = await FactsAsync(task, target, settings, cancellationToken);
        var view = TaskViews.Build(task, facts, time.GetUtcNow(), options.Value.LogUrlTemplate);

        if (phase == TaskPhase.Succeeded && target.Number is not null)
        {
            var pr = await pullRequests.EnsureAsync(client, target, task, view, settings.PullRequestMode, record.PullRequest);
            if (pr is { OpenedByKelos: true })
            {
                record = Save(task, record with { PullRequest = pr.Number });
            }

            facts = facts with { PullRequest = pr };
            view = TaskViews.Build(task, facts, time.GetUtcNow(), options.Value.LogUrlTemplate);
        }

        if (settings.CheckRun && target.IsPullRequest && target.Sha is not null)
        {
            var summary = renderer.RenderCheckRunSummary(task, facts, options.Value.LogUrlTemplate);
            var checkName = options.Value.CheckRunName.Replace("{spawner}", view.Spawner ?? "task", StringComparison.Ordinal);
            var id = await CheckRunReporter.ReportAsync(client, target, checkName, view, summary, record.CheckRunId);
            record = record with { CheckRunId = id };
        }

        if (target.Number is not null)
        {
            var body = CommentBodies.Trim(
                renderer.Render(task, facts, options.Value.LogUrlTemplate),
                $"_… trimmed: {{0}} more characters. `kelos get task {task.Name} -o yaml` shows everything._");
            var digest = Digest(body);
            if (digest != record.ReportedDigest || record.CommentId is null)
            {
                var key = settings.Sticky ? $"sticky:{view.Spawner}" : $"task:{task.Name}";
                var commentId = await tracking.UpsertAsync(client, target, key, record.CommentId, body);
                record = record with { CommentId = commentId, ReportedDigest = digest };
                logger.LogInformation("Reported Task {TaskName} as {Phase} on {Repository}#{Number}", task.Name, phase, target.FullName, target.Number);
            }
        }

        // Written down at once: if what follows fails, the retry edits this comment instead of looking for it.
        record = Save(task, record);

        if (finished && phase == TaskPhase.Succeeded && !record.Finalized)
        {
            if (settings.AnswerMode is { } mode && OutputsBlock.Answer(task.Status?.Results ?? []) is { Length: > 0 } answer)
            {
                await finishing.PostAnswerAsync(client, target, view, mode, answer);
            }

            if (target.CommentKind == Core.Triggers.SourceAnnotations.CommentKindReviewComment)
            {
                await finishing.ReplyInThreadAsync(client, target, view);
            }
        }

        if (finished && !record.Finalized)
        {
            if (settings.Reactions)
            {
                await FinishingTouches.ReactAsync(client, target, phase);
            }

            record = record with { Finalized = true };
        }

        Save(task, record with { ReportedPhase = phase });
        if (finished)
        {
            _locks.TryRemove(name, out _);
        }
    }

    private async Task<TaskFacts> FactsAsync(KelosTask task, ReportTarget target, ReportSettings settings, CancellationToken cancellationToken)
    {
        var phase = task.Status?.Phase ?? TaskPhase.Pending;
        var web = options.Value.WebBaseUrl ?? RepositoryLinks.WebBase(connections.BaseUrl);
        IReadOnlyList<string> tail = phase == TaskPhase.Failed && logs is not null
            ? await logs.TailAsync(new KelosTaskRef(task.Name, task.Spec.Type ?? ""), options.Value.LogTailLines, cancellationToken)
            : [];
        return new TaskFacts(
            // Only the queued comment shows the position; listing every Task for each report would not scale.
            QueuePosition: phase == TaskPhase.Waiting ? WaitingTasks.Position(WaitingTasks.InOrder(store), task.Name) : null,
            LogTail: tail,
            RepositoryUrl: RepositoryLinks.Repository(web, target.Owner, target.Repository),
            AnswerPostedSeparately: settings.AnswerMode is not null);
    }

    private ReportRecord Save(KelosTask task, ReportRecord record)
    {
        reportState.Save(task.Name, task.Metadata.Uid, record);
        return record;
    }

    private static string Digest(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..16];
}
