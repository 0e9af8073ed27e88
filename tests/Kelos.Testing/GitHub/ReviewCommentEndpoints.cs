using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kelos.Testing.GitHub;

/// <summary>
/// Pull request reviews and review comments: list a PR's review comments, a review and its comments, and reply in a
/// thread (both <c>POST .../pulls/{n}/comments</c> with <c>in_reply_to</c>, as Octokit does, and <c>.../replies</c>).
/// </summary>
internal static class ReviewCommentEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, StandInState state)
    {
        routes.MapGet("/repos/{owner}/{repo}/pulls/{number:int}/comments", (string owner, string repo, int number, HttpContext context) =>
            Read(context, state, owner, repo, (repository, json) => state.Pulls.ContainsKey((repository.FullName, number))
                ? json(state.ReviewComments.Values.Where(c => c.Repository == repository.FullName && c.PullNumber == number))
                : GitHubErrors.NotFound()));

        routes.MapGet("/repos/{owner}/{repo}/pulls/comments/{id:long}", (string owner, string repo, long id, HttpContext context) =>
            Read(context, state, owner, repo, (repository, _) => state.ReviewComments.TryGetValue(id, out var comment) && comment.Repository == repository.FullName
                ? StandInJson.Ok(PullJson.ReviewComment(state, comment))
                : GitHubErrors.NotFound()));

        routes.MapGet("/repos/{owner}/{repo}/pulls/{number:int}/reviews/{id:long}", (string owner, string repo, int number, long id, HttpContext context) =>
            Read(context, state, owner, repo, (repository, _) => FindReview(state, repository, number, id) is { } review
                ? StandInJson.Ok(new
                {
                    review.Id,
                    NodeId = $"PRR_{review.Id}",
                    User = AccountJson.User(state, review.Author),
                    review.Body,
                    review.State,
                    HtmlUrl = new Uri(state.BaseUrl, $"{repository.FullName}/pull/{number}#pullrequestreview-{review.Id}"),
                    PullRequestUrl = new Uri(state.BaseUrl, $"repos/{repository.FullName}/pulls/{number}"),
                })
                : GitHubErrors.NotFound()));

        routes.MapGet("/repos/{owner}/{repo}/pulls/{number:int}/reviews/{id:long}/comments", (string owner, string repo, int number, long id, HttpContext context) =>
            Read(context, state, owner, repo, (repository, json) => FindReview(state, repository, number, id) is not null
                ? json(state.ReviewComments.Values.Where(c => c.Repository == repository.FullName && c.ReviewId == id))
                : GitHubErrors.NotFound()));

        routes.MapPost("/repos/{owner}/{repo}/pulls/{number:int}/comments", async (string owner, string repo, int number, HttpContext context) =>
        {
            var body = await StandInJson.ReadObjectAsync(context);
            return Write(context, state, owner, repo, number, body, body?.Long("in_reply_to"));
        }).WithMetadata(ContentCreating.Instance);

        routes.MapPost("/repos/{owner}/{repo}/pulls/{number:int}/comments/{id:long}/replies", async (string owner, string repo, int number, long id, HttpContext context) =>
        {
            var body = await StandInJson.ReadObjectAsync(context);
            return Write(context, state, owner, repo, number, body, id);
        }).WithMetadata(ContentCreating.Instance);
    }

    private static IResult Read(
        HttpContext context, StandInState state, string owner, string repo, Func<StandInRepository, Func<IEnumerable<StandInReviewComment>, IResult>, IResult> answer)
    {
        lock (state.Gate)
        {
            var denied = StandInAccess.RequireRepository(context, state, owner, repo, "read", out var repository, "pull_requests");
            return denied ?? answer(repository, comments => StandInJson.Ok(comments.OrderBy(c => c.Id).Select(c => PullJson.ReviewComment(state, c)).ToArray()));
        }
    }

    private static IResult Write(HttpContext context, StandInState state, string owner, string repo, int number, JsonObject? body, long? inReplyTo)
    {
        lock (state.Gate)
        {
            var denied = StandInAccess.RequireRepository(context, state, owner, repo, "write", out var repository, "pull_requests");
            if (denied is not null)
            {
                return denied;
            }

            if (!state.Pulls.ContainsKey((repository.FullName, number)))
            {
                return GitHubErrors.NotFound();
            }

            if (body is null)
            {
                return GitHubErrors.BadJson();
            }

            var text = body.String("body");
            var invalid = IssueEndpoints.CheckBody(text, "PullRequestReviewComment");
            if (invalid is not null)
            {
                return invalid;
            }

            StandInReviewComment comment;
            if (inReplyTo is { } parentId)
            {
                if (!state.ReviewComments.TryGetValue(parentId, out var parent) || parent.Repository != repository.FullName || parent.PullNumber != number)
                {
                    return GitHubErrors.NotFound();
                }

                // A reply to a reply joins the thread of the top comment, as on GitHub.
                var top = parent.InReplyTo ?? parent.Id;
                comment = new StandInReviewComment(
                    state.NextId(), repository.FullName, number, null, top, state.BotLogin, text!, parent.Path, parent.Line, state.Time.GetUtcNow());
            }
            else
            {
                var path = body.String("path");
                var line = body.Long("line");
                if (path is null || line is null)
                {
                    return GitHubErrors.Missing("PullRequestReviewComment", path is null ? "path" : "line");
                }

                comment = new StandInReviewComment(
                    state.NextId(), repository.FullName, number, null, null, state.BotLogin, text!, path, (int)line, state.Time.GetUtcNow());
            }

            state.ReviewComments[comment.Id] = comment;
            return StandInJson.Ok(PullJson.ReviewComment(state, comment), StatusCodes.Status201Created);
        }
    }

    private static StandInReview? FindReview(StandInState state, StandInRepository repository, int number, long id) =>
        state.Reviews.TryGetValue(id, out var review) && review.Repository == repository.FullName && review.PullNumber == number ? review : null;
}
