using Kelos.Core.Resources;
using Octokit;

namespace Kelos.GitHub.Reporting;

/// <summary>
/// A check run on the pull request's head commit for a Task started from a pull request: queued, in progress, then
/// success, failure or cancelled, with the summary from <c>check-run.sbn</c>. Its <c>external_id</c> is the Task's name,
/// so after a restart the same run is found on the commit and updated, never a second one created.
/// </summary>
public static class CheckRunReporter
{
    private const int OutputLimit = 65_535;

    /// <returns>The check run's id.</returns>
    public static async Task<long> ReportAsync(IGitHubClient client, ReportTarget target, string name, TaskView view, string summary, long? knownId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(view);
        var sha = target.Sha ?? throw new InvalidOperationException("a check run needs the head commit");
        var output = new NewCheckRunOutput(Title(view), CommentBodies.Trim(summary, "_… trimmed: {0} more characters._", OutputLimit - 100));
        var id = knownId ?? await FindAsync(client, target, sha, name, view.Name);
        var (status, conclusion) = view.Phase switch
        {
            TaskPhase.Succeeded => (CheckStatus.Completed, (CheckConclusion?)CheckConclusion.Success),
            TaskPhase.Failed => (CheckStatus.Completed, CheckConclusion.Failure),
            TaskPhase.Cancelled => (CheckStatus.Completed, CheckConclusion.Cancelled),
            TaskPhase.Running => (CheckStatus.InProgress, null),
            _ => (CheckStatus.Queued, (CheckConclusion?)null),
        };

        if (id is { } existing)
        {
            await client.Check.Run.Update(target.Owner, target.Repository, existing, new CheckRunUpdate
            {
                Status = status,
                Conclusion = conclusion,
                CompletedAt = conclusion is null ? null : DateTimeOffset.UtcNow,
                DetailsUrl = view.LogUrl,
                Output = output,
            });
            return existing;
        }

        var created = await client.Check.Run.Create(target.Owner, target.Repository, new NewCheckRun(name, sha)
        {
            Status = status,
            Conclusion = conclusion,
            CompletedAt = conclusion is null ? null : DateTimeOffset.UtcNow,
            ExternalId = view.Name,
            DetailsUrl = view.LogUrl,
            Output = output,
        });
        return created.Id;
    }

    private static async Task<long?> FindAsync(IGitHubClient client, ReportTarget target, string sha, string name, string task)
    {
        var runs = await client.Check.Run.GetAllForReference(target.Owner, target.Repository, sha, new CheckRunRequest { CheckName = name });
        return runs.CheckRuns.FirstOrDefault(r => r.ExternalId == task)?.Id;
    }

    private static string Title(TaskView view) => view.Phase switch
    {
        TaskPhase.Succeeded => "Succeeded" + (view.Duration is { } d ? $" in {d}" : ""),
        TaskPhase.Failed => "Failed: " + FirstLine(view.Message),
        TaskPhase.Cancelled => "Cancelled" + (view.CancelledBy is { } by ? $" by {by}" : ""),
        TaskPhase.Running => $"{view.AgentLabel} is running",
        _ => "Waiting to start",
    };

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0];
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
