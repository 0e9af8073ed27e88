using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kelos.Testing.GitHub;

/// <summary>
/// Check runs: create (<c>name</c> and <c>head_sha</c> required), update (only the fields given change), get.
/// A <c>completed</c> run needs a <c>conclusion</c>; output over 65,535 characters gets a 422. <c>checks: write</c>.
/// </summary>
internal static class CheckRunEndpoints
{
    private static readonly string[] Statuses = ["queued", "in_progress", "completed", "waiting", "requested", "pending"];

    public static void Map(IEndpointRouteBuilder routes, StandInState state)
    {
        routes.MapPost("/repos/{owner}/{repo}/check-runs", async (string owner, string repo, HttpContext context) =>
        {
            var body = await StandInJson.ReadObjectAsync(context);
            lock (state.Gate)
            {
                var denied = StandInAccess.RequireRepository(context, state, owner, repo, "write", out var repository, "checks");
                if (denied is not null || body is null)
                {
                    return denied ?? GitHubErrors.BadJson();
                }

                var name = body.String("name");
                var sha = body.String("head_sha");
                if (name is null || sha is null)
                {
                    return GitHubErrors.Missing("CheckRun", name is null ? "name" : "head_sha");
                }

                var blank = new StandInCheckRun(state.NextId(), repository.FullName, name, sha, "queued", null, null, null, null, null, null, null, null);
                return Save(state, blank, body, StatusCodes.Status201Created);
            }
        });

        routes.MapMethods("/repos/{owner}/{repo}/check-runs/{id:long}", [HttpMethods.Patch], async (string owner, string repo, long id, HttpContext context) =>
        {
            var body = await StandInJson.ReadObjectAsync(context);
            lock (state.Gate)
            {
                var denied = StandInAccess.RequireRepository(context, state, owner, repo, "write", out var repository, "checks");
                if (denied is not null || body is null)
                {
                    return denied ?? GitHubErrors.BadJson();
                }

                return state.CheckRuns.TryGetValue(id, out var run) && run.Repository == repository.FullName
                    ? Save(state, run, body, StatusCodes.Status200OK)
                    : GitHubErrors.NotFound();
            }
        });

        routes.MapGet("/repos/{owner}/{repo}/check-runs/{id:long}", (string owner, string repo, long id, HttpContext context) =>
        {
            lock (state.Gate)
            {
                var denied = StandInAccess.RequireRepository(context, state, owner, repo, "read", out var repository, "checks");
                return denied ?? (state.CheckRuns.TryGetValue(id, out var run) && run.Repository == repository.FullName
                    ? StandInJson.Ok(PullJson.CheckRun(state, run))
                    : GitHubErrors.NotFound());
            }
        });

        // The check runs on a commit, newest first, optionally only those of one name: {total_count, check_runs}.
        routes.MapGet("/repos/{owner}/{repo}/commits/{sha}/check-runs", (string owner, string repo, string sha, HttpContext context) =>
        {
            lock (state.Gate)
            {
                var denied = StandInAccess.RequireRepository(context, state, owner, repo, "read", out var repository, "checks");
                if (denied is not null)
                {
                    return denied;
                }

                var name = context.Request.Query["check_name"].ToString();
                var runs = state.CheckRuns.Values
                    .Where(r => r.Repository == repository.FullName && r.HeadSha == sha && (name.Length == 0 || r.Name == name))
                    .OrderByDescending(r => r.Id)
                    .Select(r => PullJson.CheckRun(state, r))
                    .ToArray();
                return StandInJson.Ok(new { total_count = runs.Length, check_runs = runs });
            }
        });
    }

    /// <summary>Applies the fields present in <paramref name="body"/>, checks the result, stores it.</summary>
    private static IResult Save(StandInState state, StandInCheckRun run, JsonObject body, int status)
    {
        var output = body["output"] as JsonObject;
        var conclusion = body.String("conclusion");
        var updated = run with
        {
            Name = body.String("name") ?? run.Name,
            Status = body.String("status") ?? (conclusion is not null ? "completed" : run.Status),
            Conclusion = conclusion ?? run.Conclusion,
            DetailsUrl = body.String("details_url") ?? run.DetailsUrl,
            ExternalId = body.String("external_id") ?? run.ExternalId,
            StartedAt = body.Time("started_at") ?? run.StartedAt ?? state.Time.GetUtcNow(),
            CompletedAt = body.Time("completed_at") ?? run.CompletedAt,
            Title = output?.String("title") ?? run.Title,
            Summary = output?.String("summary") ?? run.Summary,
            Text = output?.String("text") ?? run.Text,
        };
        if (!Statuses.Contains(updated.Status))
        {
            return GitHubErrors.Validation("CheckRun", "status", "invalid", $"status is not included in the list");
        }

        if (updated.Status == "completed" && updated.Conclusion is null)
        {
            return GitHubErrors.Missing("CheckRun", "conclusion");
        }

        if (updated.Summary?.Length > GitHubLimits.MaxCheckRunOutputLength || updated.Text?.Length > GitHubLimits.MaxCheckRunOutputLength)
        {
            return GitHubErrors.Validation("CheckRun", "output", "custom", $"Output is too long (maximum is {GitHubLimits.MaxCheckRunOutputLength} characters)");
        }

        if (updated.Status == "completed" && updated.CompletedAt is null)
        {
            updated = updated with { CompletedAt = state.Time.GetUtcNow() };
        }

        state.CheckRuns[updated.Id] = updated;
        return StandInJson.Ok(PullJson.CheckRun(state, updated), status);
    }
}
