using System.Globalization;
using System.Text;
using Kelos.Contracts;
using Kelos.GitHub.Api;
using Octokit;

namespace Kelos.GitHub.Triggers;

/// <summary>
/// Fills in what a webhook payload leaves out, from the GitHub API (in the consumer, never on the request path):
/// a pull request's head and base for a comment on it (needed for the branch and the fork check), and for PR
/// feedback the whole review or thread, so the agent reads all of it, not one comment.
/// </summary>
public sealed class GitHubEventEnricher(GitHubClientFactory clients)
{
    public async Task<GitHubEventReceived> EnrichAsync(GitHubEventReceived e)
    {
        if (e.Repository is not { } repo || e.InstallationId is not { } installation || e.Subject is not { IsPullRequest: true } subject)
        {
            return e;
        }

        var client = clients.CreateInstallationClient(installation);
        if (subject.HeadBranch is null || subject.HeadRepository is null)
        {
            var pull = await client.PullRequest.Get(repo.Owner, repo.Name, subject.Number);
            subject = subject with
            {
                HeadBranch = pull.Head?.Ref,
                HeadSha = pull.Head?.Sha,
                HeadRepository = pull.Head?.Repository?.FullName,
                BaseBranch = pull.Base?.Ref,
                Draft = pull.Draft,
            };
            e = e with { Subject = subject };
        }

        return e.Event switch
        {
            "pull_request_review" when e.Comment?.ReviewId is { } review => e with { Conversation = await ReviewAsync(client, repo, subject.Number, review, e.Comment) },
            "pull_request_review_comment" when e.Comment is { } comment => e with { Conversation = await ThreadAsync(client, repo, subject.Number, comment) },
            _ => e,
        };
    }

    private static async Task<string> ReviewAsync(IGitHubClient client, GitHubRepositoryRef repo, int number, long reviewId, GitHubComment review)
    {
        var comments = await ReviewCommentsAsync(client, $"repos/{repo.Owner}/{repo.Name}/pulls/{number}/reviews/{reviewId}/comments");
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Review by @{review.Author} ({review.ReviewState}):\n\n{review.Body}\n");
        foreach (var comment in comments)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- `{comment.Path}` line {comment.Line ?? comment.OriginalLine}: {comment.Body}\n");
        }

        return text.ToString();
    }

    private static Task<IReadOnlyList<ReviewCommentJson>> ReviewCommentsAsync(IGitHubClient client, string path) =>
        new ApiConnection(client.Connection).GetAll<ReviewCommentJson>(new Uri(path, UriKind.Relative));

    private static async Task<string> ThreadAsync(IGitHubClient client, GitHubRepositoryRef repo, int number, GitHubComment comment)
    {
        var all = await ReviewCommentsAsync(client, $"repos/{repo.Owner}/{repo.Name}/pulls/{number}/comments");
        var root = comment.InReplyToId ?? comment.Id;
        var thread = all.Where(c => c.Id == root || c.InReplyToId == root).OrderBy(c => c.CreatedAt);
        var text = new StringBuilder($"Review thread on `{comment.Path}` line {comment.Line}:\n");
        foreach (var item in thread)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n@{item.User?.Login}: {item.Body}\n");
        }

        return text.ToString();
    }
}
