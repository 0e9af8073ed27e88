using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kelos.Testing.GitHub;

/// <summary>
/// Issues and their conversation comments (pull requests included: a PR is an issue). Writing needs
/// <c>issues: write</c>, or <c>pull_requests: write</c> on a PR; bodies over 65,536 characters get GitHub's 422.
/// </summary>
internal static class IssueEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, StandInState state)
    {
        routes.MapGet("/repos/{owner}/{repo}/issues/{number:int}", (string owner, string repo, int number, HttpContext context) =>
        {
            lock (state.Gate)
            {
                var denied = StandInAccess.RequireRepository(context, state, owner, repo, "read", out var repository, "issues", "pull_requests");
                return denied ?? (state.Issues.TryGetValue((repository.FullName, number), out var issue)
                    ? StandInJson.Ok(ContentJson.Issue(state, repository, issue))
                    : GitHubErrors.NotFound());
            }
        });

        routes.MapGet("/repos/{owner}/{repo}/issues/{number:int}/comments", (string owner, string repo, int number, HttpContext context) =>
        {
            lock (state.Gate)
            {
                var denied = StandInAccess.RequireRepository(context, state, owner, repo, "read", out var repository, "issues", "pull_requests");
                return denied ?? (state.Issues.ContainsKey((repository.FullName, number))
                    ? StandInJson.Ok(state.Comments.Values
                        .Where(c => c.Repository == repository.FullName && c.IssueNumber == number)
                        .OrderBy(c => c.Id)
                        .Select(c => ContentJson.Comment(state, c))
                        .ToArray())
                    : GitHubErrors.NotFound());
            }
        });

        routes.MapPost("/repos/{owner}/{repo}/issues/{number:int}/comments", async (string owner, string repo, int number, HttpContext context) =>
        {
            var body = await StandInJson.ReadObjectAsync(context);
            lock (state.Gate)
            {
                var denied = RequireIssueWrite(context, state, owner, repo, number, out var repository);
                if (denied is not null)
                {
                    return denied;
                }

                if (!state.Issues.ContainsKey((repository.FullName, number)))
                {
                    return GitHubErrors.NotFound();
                }

                if (body is null)
                {
                    return GitHubErrors.BadJson();
                }

                var text = body.String("body");
                var invalid = CheckBody(text);
                if (invalid is not null)
                {
                    return invalid;
                }

                var now = state.Time.GetUtcNow();
                var comment = new StandInComment(state.NextId(), repository.FullName, number, state.BotLogin, text!, now, now);
                state.Comments[comment.Id] = comment;
                return StandInJson.Ok(ContentJson.Comment(state, comment), StatusCodes.Status201Created);
            }
        }).WithMetadata(ContentCreating.Instance);

        routes.MapGet("/repos/{owner}/{repo}/issues/comments/{id:long}", (string owner, string repo, long id, HttpContext context) =>
        {
            lock (state.Gate)
            {
                var denied = StandInAccess.RequireRepository(context, state, owner, repo, "read", out var repository, "issues", "pull_requests");
                return denied ?? (state.Comments.TryGetValue(id, out var comment) && comment.Repository == repository.FullName
                    ? StandInJson.Ok(ContentJson.Comment(state, comment))
                    : GitHubErrors.NotFound());
            }
        });

        routes.MapMethods("/repos/{owner}/{repo}/issues/comments/{id:long}", [HttpMethods.Patch], async (string owner, string repo, long id, HttpContext context) =>
        {
            var body = await StandInJson.ReadObjectAsync(context);
            lock (state.Gate)
            {
                var number = state.Comments.TryGetValue(id, out var existing) ? existing.IssueNumber : 0;
                var denied = RequireIssueWrite(context, state, owner, repo, number, out var repository);
                if (denied is not null)
                {
                    return denied;
                }

                if (existing is null || existing.Repository != repository.FullName)
                {
                    return GitHubErrors.NotFound();
                }

                if (existing.Author != state.BotLogin)
                {
                    // An App may only edit what it wrote.
                    return GitHubErrors.Forbidden();
                }

                if (body is null)
                {
                    return GitHubErrors.BadJson();
                }

                var text = body.String("body");
                var invalid = CheckBody(text);
                if (invalid is not null)
                {
                    return invalid;
                }

                var edited = existing with { Body = text!, UpdatedAt = state.Time.GetUtcNow() };
                state.Comments[id] = edited;
                return StandInJson.Ok(ContentJson.Comment(state, edited));
            }
        });
    }

    /// <summary>Write access to an issue's conversation: <c>issues: write</c>, or <c>pull_requests: write</c> on a PR.</summary>
    public static IResult? RequireIssueWrite(HttpContext context, StandInState state, string owner, string repo, int number, out StandInRepository repository)
    {
        var isPull = state.FindRepository(owner, repo) is { } found && state.Pulls.ContainsKey((found.FullName, number));
        return isPull
            ? StandInAccess.RequireRepository(context, state, owner, repo, "write", out repository, "issues", "pull_requests")
            : StandInAccess.RequireRepository(context, state, owner, repo, "write", out repository, "issues");
    }

    /// <summary>GitHub's checks on a comment body: present, and at most 65,536 characters.</summary>
    public static IResult? CheckBody(string? body, string resource = "IssueComment") =>
        body is null ? GitHubErrors.Missing(resource, "body")
        : body.Length > GitHubLimits.MaxBodyLength ? GitHubErrors.BodyTooLong(resource)
        : null;
}
