using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kelos.Testing.GitHub;

/// <summary>
/// Reactions on issue comments, on issues and pull requests, and on review comments. As on GitHub, the same
/// content from the same user again answers 200 with the existing reaction instead of 201 with a new one.
/// </summary>
internal static class ReactionEndpoints
{
    private static readonly string[] Contents = ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"];

    public static void Map(IEndpointRouteBuilder routes, StandInState state)
    {
        routes.MapPost("/repos/{owner}/{repo}/issues/comments/{id:long}/reactions", (string owner, string repo, long id, HttpContext context) =>
            CreateAsync(context, state, StandInReactionTarget.IssueComment, owner, repo, id));
        routes.MapPost("/repos/{owner}/{repo}/issues/{number:int}/reactions", (string owner, string repo, int number, HttpContext context) =>
            CreateAsync(context, state, StandInReactionTarget.Issue, owner, repo, number));
        routes.MapPost("/repos/{owner}/{repo}/pulls/comments/{id:long}/reactions", (string owner, string repo, long id, HttpContext context) =>
            CreateAsync(context, state, StandInReactionTarget.ReviewComment, owner, repo, id));

        routes.MapGet("/repos/{owner}/{repo}/issues/comments/{id:long}/reactions", (string owner, string repo, long id, HttpContext context) =>
            List(context, state, StandInReactionTarget.IssueComment, owner, repo, id));
        routes.MapGet("/repos/{owner}/{repo}/issues/{number:int}/reactions", (string owner, string repo, int number, HttpContext context) =>
            List(context, state, StandInReactionTarget.Issue, owner, repo, number));
        routes.MapGet("/repos/{owner}/{repo}/pulls/comments/{id:long}/reactions", (string owner, string repo, long id, HttpContext context) =>
            List(context, state, StandInReactionTarget.ReviewComment, owner, repo, id));
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, StandInState state, StandInReactionTarget target, string owner, string repo, long targetId)
    {
        var body = await StandInJson.ReadObjectAsync(context);
        lock (state.Gate)
        {
            var denied = Find(context, state, target, owner, repo, targetId, "write", out var repository);
            if (denied is not null)
            {
                return denied;
            }

            var content = body?.String("content");
            if (content is null || !Contents.Contains(content))
            {
                return body is null ? GitHubErrors.BadJson() : GitHubErrors.Validation("Reaction", "content", "invalid", "content is not a valid reaction");
            }

            var user = state.BotLogin;
            var existing = state.Reactions.FirstOrDefault(r =>
                r.Repository == repository.FullName && r.Target == target && r.TargetId == targetId && r.Content == content && r.User == user);
            if (existing is not null)
            {
                return StandInJson.Ok(ContentJson.Reaction(state, existing));
            }

            var reaction = new StandInReaction(state.NextId(), repository.FullName, target, targetId, content, user, state.Time.GetUtcNow());
            state.Reactions.Add(reaction);
            return StandInJson.Ok(ContentJson.Reaction(state, reaction), StatusCodes.Status201Created);
        }
    }

    private static IResult List(HttpContext context, StandInState state, StandInReactionTarget target, string owner, string repo, long targetId)
    {
        lock (state.Gate)
        {
            var denied = Find(context, state, target, owner, repo, targetId, "read", out var repository);
            return denied ?? StandInJson.Ok(state.Reactions
                .Where(r => r.Repository == repository.FullName && r.Target == target && r.TargetId == targetId)
                .Select(r => ContentJson.Reaction(state, r))
                .ToArray());
        }
    }

    /// <summary>Checks access to the reacted-on thing and that it exists; null when both hold.</summary>
    private static IResult? Find(
        HttpContext context, StandInState state, StandInReactionTarget target, string owner, string repo, long targetId, string level, out StandInRepository repository)
    {
        repository = null!;
        var found = state.FindRepository(owner, repo);
        var denied = target switch
        {
            StandInReactionTarget.ReviewComment => StandInAccess.RequireRepository(context, state, owner, repo, level, out repository, "pull_requests"),
            _ when level == "read" => StandInAccess.RequireRepository(context, state, owner, repo, level, out repository, "issues", "pull_requests"),
            StandInReactionTarget.Issue => IssueEndpoints.RequireIssueWrite(context, state, owner, repo, (int)targetId, out repository),
            _ => IssueEndpoints.RequireIssueWrite(
                context, state, owner, repo, state.Comments.GetValueOrDefault(targetId)?.IssueNumber ?? 0, out repository),
        };
        if (denied is not null || found is null)
        {
            return denied ?? GitHubErrors.NotFound();
        }

        var exists = target switch
        {
            StandInReactionTarget.IssueComment => state.Comments.TryGetValue(targetId, out var c) && c.Repository == found.FullName,
            StandInReactionTarget.Issue => state.Issues.ContainsKey((found.FullName, (int)targetId)),
            _ => state.ReviewComments.TryGetValue(targetId, out var rc) && rc.Repository == found.FullName,
        };
        return exists ? null : GitHubErrors.NotFound();
    }
}
