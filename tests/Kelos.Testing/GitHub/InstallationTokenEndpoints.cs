using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kelos.Testing.GitHub;

/// <summary>
/// <c>POST /app/installations/{id}/access_tokens</c>: a one-hour token, narrowed by <c>repositories</c> (names),
/// <c>repository_ids</c> and <c>permissions</c> when the body asks. The stand-in remembers what each token may touch.
/// </summary>
internal static class InstallationTokenEndpoints
{
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static void Map(IEndpointRouteBuilder routes, StandInState state)
    {
        routes.MapPost("/app/installations/{id:long}/access_tokens", async (long id, HttpContext context) =>
        {
            var body = await StandInJson.ReadObjectAsync(context);
            lock (state.Gate)
            {
                var denied = StandInAccess.RequireApp(context);
                if (denied is not null)
                {
                    return denied;
                }

                if (!state.Installations.TryGetValue(id, out var installation))
                {
                    return GitHubErrors.NotFound();
                }

                if (installation.SuspendedAt is not null)
                {
                    return GitHubErrors.Forbidden("This installation has been suspended");
                }

                return body is null ? GitHubErrors.BadJson() : Issue(state, installation, body);
            }
        });
    }

    private static IResult Issue(StandInState state, StandInInstallation installation, JsonObject body)
    {
        var names = body.Strings("repositories");
        var ids = body["repository_ids"] is JsonArray idArray ? idArray.Select(n => n?.GetValue<long>() ?? 0).ToList() : null;
        List<StandInRepository>? narrowed = null;
        if (names is not null || ids is not null)
        {
            var installed = installation.Repositories
                .Select(name => state.FindRepository(installation.Account, name))
                .OfType<StandInRepository>()
                .ToList();
            narrowed = [];
            foreach (var name in names ?? [])
            {
                var found = installed.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
                if (found is null)
                {
                    return NotAccessible();
                }

                narrowed.Add(found);
            }

            foreach (var repositoryId in ids ?? [])
            {
                var found = installed.FirstOrDefault(r => r.Id == repositoryId);
                if (found is null)
                {
                    return NotAccessible();
                }

                narrowed.Add(found);
            }

            narrowed = [.. narrowed.Distinct()];
        }

        var permissions = new Dictionary<string, string>(installation.Permissions);
        if (body["permissions"] is JsonObject requested)
        {
            permissions = new Dictionary<string, string> { ["metadata"] = "read" };
            foreach (var (permission, value) in requested)
            {
                var level = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                if (GitHubPermissions.Rank(level) == 0 || !GitHubPermissions.Allows(installation.Permissions, permission, level!))
                {
                    return StandInJson.Ok(
                        new { Message = "The permissions requested are not granted to this installation.", GitHubErrors.DocumentationUrl, Status = "422" },
                        StatusCodes.Status422UnprocessableEntity);
                }

                permissions[permission] = level!;
            }
        }

        var token = new StandInToken(
            "ghs_" + RandomNumberGenerator.GetString(TokenAlphabet, 36),
            installation.Id,
            narrowed?.Select(r => r.Name).ToList(),
            permissions,
            state.Time.GetUtcNow() + GitHubLimits.TokenLifetime);
        state.Tokens[token.Token] = token;
        return StandInJson.Ok(
            new
            {
                token.Token,
                ExpiresAt = StandInJson.Time(token.ExpiresAt),
                token.Permissions,
                RepositorySelection = narrowed is null ? "all" : "selected",
                Repositories = narrowed?.Select(r => AccountJson.Repository(state, r)).ToArray(),
            },
            StatusCodes.Status201Created);
    }

    private static IResult NotAccessible() => StandInJson.Ok(
        new
        {
            Message = "There is at least one repository that does not exist or is not accessible to the parent installation.",
            GitHubErrors.DocumentationUrl,
            Status = "422",
        },
        StatusCodes.Status422UnprocessableEntity);
}
