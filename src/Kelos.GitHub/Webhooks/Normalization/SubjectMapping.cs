using Kelos.Contracts;
using Octokit.Webhooks.Models;
using PullRequestModel = Octokit.Webhooks.Models.PullRequestEvent.PullRequest;

namespace Kelos.GitHub.Webhooks.Normalization;

/// <summary>Issues and pull requests, as the three payload shapes carry them, into one <see cref="GitHubSubject"/>.</summary>
internal static class SubjectMapping
{
    /// <summary>An issue, or a pull request seen as an issue (<c>issue_comment</c>, <c>issues</c>): no head or base.</summary>
    public static GitHubSubject FromIssue(Issue issue) =>
        new(
            PayloadMapping.Number(issue.Number),
            issue.Title,
            issue.Body ?? "",
            issue.HtmlUrl,
            IsPullRequest: issue.PullRequest is not null,
            issue.State?.StringValue ?? "open",
            issue.User.Login,
            Labels(issue.Labels));

    /// <summary>The full pull request of <c>pull_request</c> events; its head repository is null when the fork is gone.</summary>
    public static GitHubSubject FromPullRequest(PullRequestModel pr) =>
        new(
            PayloadMapping.Number(pr.Number),
            pr.Title,
            pr.Body ?? "",
            pr.HtmlUrl,
            IsPullRequest: true,
            pr.State.StringValue,
            pr.User.Login,
            Labels(pr.Labels),
            pr.Draft,
            pr.Head.Ref,
            pr.Head.Sha,
            pr.Head.Repo?.FullName,
            pr.Base.Ref);

    /// <summary>The pull request of review events.</summary>
    public static GitHubSubject FromSimplePullRequest(SimplePullRequest pr) =>
        new(
            PayloadMapping.Number(pr.Number),
            pr.Title,
            pr.Body ?? "",
            pr.HtmlUrl,
            IsPullRequest: true,
            pr.State.StringValue,
            pr.User.Login,
            Labels(pr.Labels),
            pr.Draft,
            pr.Head.Ref,
            pr.Head.Sha,
            pr.Head.Repo?.FullName,
            pr.Base.Ref);

    private static string[] Labels(IEnumerable<Label>? labels) => labels?.OfType<Label>().Select(l => l.Name).ToArray() ?? [];
}
