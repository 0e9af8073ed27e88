using Kelos.Core.Resources;
using Kelos.GitHub.Replies;
using Microsoft.Extensions.Logging;
using Octokit;

namespace Kelos.GitHub.Reporting;

/// <summary>
/// The pull request that holds a finished Task's work: the one the agent opened itself (an <c>pr: URL</c> output), else
/// an open one from the Task's branch, else one Kelos opens — draft or ready as the spawner says, titled from the issue,
/// its body from <c>pull-request.sbn</c> — with a review requested from the person who asked.
/// </summary>
public sealed class PullRequestOpener(CommentTemplates templates, ILogger<PullRequestOpener> logger)
{
    public async Task<PullRequestView?> EnsureAsync(IGitHubClient client, ReportTarget target, KelosTask task, TaskView view, string mode, int? known)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(view);
        if (known is { } number)
        {
            var pr = await client.PullRequest.Get(target.Owner, target.Repository, number);
            return new PullRequestView(pr.Number, pr.HtmlUrl, pr.Draft, OpenedByKelos: true);
        }

        if (AgentsOwn(task, target) is { } own)
        {
            var pr = await client.PullRequest.Get(target.Owner, target.Repository, own);
            return new PullRequestView(pr.Number, pr.HtmlUrl, pr.Draft, OpenedByKelos: false);
        }

        if (view.Branch is not { Commit: not null } branch || mode == ReportingAnnotations.PullRequestNone)
        {
            return null;
        }

        if (await FindOpenAsync(client, target, branch.Name) is { } existing)
        {
            return existing;
        }

        if (target.IsPullRequest || target.Number is not { } issueNumber)
        {
            // Work on a pull request's own branch goes into that pull request; found above when the branch is its head.
            return null;
        }

        var issue = await client.Issue.Get(target.Owner, target.Repository, issueNumber);
        var body = templates.Render(CommentTemplateNames.PullRequest, new PullRequestBodyView(view, issueNumber, issue.Title));
        var request = new NewPullRequest(issue.Title, branch.Name, branch.Base ?? (await client.Repository.Get(target.Owner, target.Repository)).DefaultBranch)
        {
            Body = CommentBodies.Trim(body, "_… trimmed: {0} more characters._"),
            Draft = mode != ReportingAnnotations.PullRequestReady,
        };
        PullRequest created;
        try
        {
            created = await client.PullRequest.Create(target.Owner, target.Repository, request);
        }
        catch (ApiValidationException)
        {
            // Opened meanwhile (a retry whose first create reached GitHub): use that one; anything else is a real refusal.
            if (await FindOpenAsync(client, target, branch.Name) is { } opened)
            {
                return opened;
            }

            throw;
        }

        logger.LogInformation("Opened pull request #{Number} on {Repository} for Task {TaskName}", created.Number, target.FullName, task.Name);
        await RequestReviewAsync(client, target, created.Number);
        return new PullRequestView(created.Number, created.HtmlUrl, created.Draft, OpenedByKelos: true);
    }

    private async Task RequestReviewAsync(IGitHubClient client, ReportTarget target, int number)
    {
        if (target.RequestedBy is not { Length: > 0 } login || login.EndsWith("[bot]", StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            await client.PullRequest.ReviewRequest.Create(target.Owner, target.Repository, number, new PullRequestReviewRequest([login], []));
        }
        catch (ApiValidationException error)
        {
            // Not a collaborator, or the author: the pull request stands without the request.
            logger.LogInformation("Could not request a review from {Login} on {Repository}#{Number}: {Reason}", login, target.FullName, number, error.Message);
        }
    }

    private static async Task<PullRequestView?> FindOpenAsync(IGitHubClient client, ReportTarget target, string branch)
    {
        var open = await client.PullRequest.GetAllForRepository(
            target.Owner, target.Repository, new PullRequestRequest { Head = $"{target.Owner}:{branch}", State = ItemStateFilter.Open });
        return open.FirstOrDefault(p => p.Head?.Ref == branch) is { } pr ? new PullRequestView(pr.Number, pr.HtmlUrl, pr.Draft, OpenedByKelos: false) : null;
    }

    /// <summary>The number of a pull request the agent reported opening in this repository (<c>pr: https://…/pull/N</c>).</summary>
    private static int? AgentsOwn(KelosTask task, ReportTarget target)
    {
        var suffix = $"/{target.Owner}/{target.Repository}/pull/";
        foreach (var output in task.Status?.Outputs ?? [])
        {
            if (output.StartsWith("pr: ", StringComparison.Ordinal) && output.IndexOf(suffix, StringComparison.OrdinalIgnoreCase) is var at and >= 0
                && int.TryParse(output[(at + suffix.Length)..].Trim().TrimEnd('/'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return null;
    }
}
