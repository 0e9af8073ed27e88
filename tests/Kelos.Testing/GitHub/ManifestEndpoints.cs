using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kelos.Testing.GitHub;

/// <summary>
/// The App manifest flow. <c>POST /settings/apps/new</c> (and <c>/organizations/{org}/settings/apps/new</c>) takes the
/// form field <c>manifest</c>, as github.com's one-click form does, and redirects to the manifest's
/// <c>redirect_url</c> with <c>?code=…&amp;state=…</c>. <c>POST /app-manifests/{code}/conversions</c> (no auth, each code
/// once) answers 201 with the App id, the private key PEM, the webhook secret and client credentials: the stand-in's own
/// App, so what a test saves from the flow works against it afterwards.
/// </summary>
internal static class ManifestEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, StandInState state)
    {
        // A typed Func, not a lambda: a lambda taking only HttpContext would bind as a RequestDelegate and drop the result.
        Func<HttpContext, Task<IResult>> receive = context => ReceiveAsync(context, state);
        routes.MapPost("/settings/apps/new", receive);
        routes.MapPost("/organizations/{org}/settings/apps/new", receive);

        routes.MapPost("/app-manifests/{code}/conversions", (string code) =>
        {
            lock (state.Gate)
            {
                if (!state.ManifestCodes.Remove(code))
                {
                    return GitHubErrors.NotFound();
                }

                var app = JsonSerializer.SerializeToNode(AccountJson.App(state), StandInJson.Options)!.AsObject();
                app["client_id"] = $"Iv1.{state.Options.AppId:x12}";
                app["client_secret"] = "stand-in-client-secret";
                app["webhook_secret"] = state.Options.WebhookSecret;
                app["pem"] = state.Key.ExportRSAPrivateKeyPem();
                return StandInJson.Ok(app, StatusCodes.Status201Created);
            }
        });
    }

    /// <summary>A fresh one-time code, as GitHub hands to the redirect URL.</summary>
    public static string NewCode(StandInState state, string? manifest)
    {
        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
        state.ManifestCodes[code] = manifest;
        return code;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, StandInState state)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var manifest = form?["manifest"].ToString();
        JsonObject? parsed;
        try
        {
            parsed = string.IsNullOrEmpty(manifest) ? null : JsonNode.Parse(manifest) as JsonObject;
        }
        catch (JsonException)
        {
            parsed = null;
        }

        var redirect = parsed?.String("redirect_url");
        if (parsed is null || parsed.String("url") is null || (parsed["hook_attributes"] as JsonObject)?.String("url") is null
            || !Uri.TryCreate(redirect, UriKind.Absolute, out var target))
        {
            return Results.Text("Invalid GitHub App manifest: url, hook_attributes.url and redirect_url are required.", statusCode: 422);
        }

        string code;
        lock (state.Gate)
        {
            state.ReceivedManifests.Add(manifest!);
            code = NewCode(state, manifest);
        }

        var query = $"code={code}";
        if (context.Request.Query["state"].ToString() is { Length: > 0 } value)
        {
            query += $"&state={Uri.EscapeDataString(value)}";
        }

        return Results.Redirect(new UriBuilder(target) { Query = query }.Uri.ToString());
    }
}
