using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kelos.Testing.GitHub;

/// <summary>
/// Pull requests: get one, list (<c>head=owner:branch</c>, <c>base</c>, <c>state</c>), open one (GitHub's 422s for a
/// duplicate, an empty diff, a missing field or a long body), and request reviewers (not the author, only collaborators).
/// </summary>
internal static class PullEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, StandInState state)
    {
        routes.MapGet("/repos/{owner}/{repo}/pulls/{number:int}", (string owner, string repo, int number, HttpContext context) =>
        {
            lock (state.Gate)
            {
                var denied = StandInAccess.RequireRepository(context, state, owner, repo, "read", out var repository, "pull_requests");
                return denied ?? (state.Pulls.TryGetValue((repository.FullName, number), out var pull)
                    ? StandInJson.Ok(PullJson.PullRequest(state, repository, pull))
                    : GitHubErrors.NotFound());
            }
        });

        routes.MapGet("/repos/{owner}/{repo}/pulls", (string owner, string repo, string? head, string? @base, HttpContext context) =>
        {
            var wanted = context.Request.Query["state"].ToString() is { Length: > 0 } s ? s : "open";
            lock (state.Gate)
            {
                var denied = StandInAccess.RequireRepository(context, state, owner, repo, "read", out var repository, "pull_requests");
                return denied ?? StandInJson.Ok(state.Pulls.Values
                    .Where(p => p.Repository == repository.FullName)
                    .Where(p => wanted == "all" || p.State == wanted)
                    .Where(p => head is null || string.Equals($"{repository.Owner}:{p.Head}", head, StringComparison.OrdinalIgnoreCase))
                    .Where(p => @base is null || p.Base == @base)
                    .OrderByDescending(p => p.Number)
                    .Select(p => PullJson.PullRequest(state, repository, p))
                    .ToArray());
            }
        });

        routes.MapPost("/repos/{owner}/{repo}/pulls", async (string owner, string repo, HttpContext context) =>
        {
            var body = await StandInJson.ReadObjectAsync(context);
            lock (state.Gate)
            {
                var denied = StandInAccess.RequireRepository(context, state, owner, repo, "write", out var repository, "pull_requests");
                return denied ?? (body is null ? GitHubErrors.BadJson() : Open(state, repository, body));
            }
        }).WithMetadata(ContentCreating.Instance);

        routes.MapPost("/repos/{owner}/{repo}/pulls/{number:int}/requested_reviewers", async (string owner, string repo, int number, HttpContext context) =>
        {
            var body = await StandInJson.ReadObjectAsync(context);
            lock (state.Gate)
            {
                var denied = StandInAccess.RequireRepository(context, state, owner, repo, "write", out var repository, "pull_requests");
                if (denied is not null)
                {
                    return denied;
                }

                if (!state.Pulls.TryGetValue((repository.FullName, number), out var pull))
                {
                    return GitHubErrors.NotFound();
                }

                return body is null ? GitHubErrors.BadJson() : RequestReviewers(state, repository, pull, body);
            }
        });
    }

    private static IResult Open(StandInState state, StandInRepository repository, JsonObject body)
    {
        var title = body.String("title");
        var head = body.String("head");
        var baseBranch = body.String("base");
        if (title is null || head is null || baseBranch is null)
        {
            return GitHubErrors.Missing("PullRequest", title is null ? "title" : head is null ? "head" : "base");
        }

        if (head.Split(':') is [var headOwner, var branch] && string.Equals(headOwner, repository.Owner, StringComparison.OrdinalIgnoreCase))
        {
            head = branch;
        }

        var text = body.String("body");
        if (text?.Length > GitHubLimits.MaxBodyLength)
        {
            return GitHubErrors.BodyTooLong("PullRequest");
        }

        if (head == baseBranch)
        {
            return GitHubErrors.Validation("PullRequest", "head", "custom", $"No commits between {baseBranch} and {head}");
        }

        if (state.Pulls.Values.Any(p => p.Repository == repository.FullName && p.State == "open" && p.Head == head && p.Base == baseBranch))
        {
            return GitHubErrors.Validation("PullRequest", "head", "custom", $"A pull request already exists for {repository.Owner}:{head}.");
        }

        var number = ++repository.LastNumber;
        var now = state.Time.GetUtcNow();
        var pull = new StandInPullRequest(
            repository.FullName, number, title, text, state.BotLogin, head, baseBranch, PullJson.BaseSha(head), body.Bool("draft") ?? false, "open", [], now);
        state.Pulls[(repository.FullName, number)] = pull;
        state.Issues[(repository.FullName, number)] = new StandInIssue(repository.FullName, number, title, text, state.BotLogin, true, "open", now);
        return StandInJson.Ok(PullJson.PullRequest(state, repository, pull), StatusCodes.Status201Created);
    }

    private static IResult RequestReviewers(StandInState state, StandInRepository repository, StandInPullRequest pull, JsonObject body)
    {
        var reviewers = body.Strings("reviewers") ?? [];
        if (reviewers.Any(r => string.Equals(r, pull.Author, StringComparison.OrdinalIgnoreCase)))
        {
            return GitHubErrors.Validation("PullRequest", "reviewers", "custom", "Review cannot be requested from pull request author.");
        }

        if (reviewers.Any(r => state.Collaborators.GetValueOrDefault((repository.FullName, r.ToLowerInvariant()), "none") == "none"))
        {
            return GitHubErrors.Validation(
                "PullRequest",
                "reviewers",
                "custom",
                $"Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the {repository.FullName} repository.");
        }

        var updated = pull with { RequestedReviewers = [.. pull.RequestedReviewers.Union(reviewers, StringComparer.OrdinalIgnoreCase)] };
        state.Pulls[(repository.FullName, pull.Number)] = updated;
        return StandInJson.Ok(PullJson.PullRequest(state, repository, updated), StatusCodes.Status201Created);
    }
}
