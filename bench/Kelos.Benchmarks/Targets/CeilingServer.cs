using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kelos.Benchmarks.Targets;

/// <summary>
/// The ceiling: the least a webhook endpoint can do on ASP.NET Core. It reads the raw body, checks the HMAC-SHA256
/// signature in constant time, and answers 202 (401 when the signature is wrong). No JSON, no ledger, no bus.
/// </summary>
internal static class CeilingServer
{
    public const string WebhookPath = "/api/github/webhooks";
    private const long MaxBodyBytes = 25L * 1024 * 1024;

    public static async Task RunAsync(string urls, byte[] key, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(urls);
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", () => Results.Text("ok\n"));
        app.MapPost(WebhookPath, (HttpContext context) => HandleAsync(context, key));
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
    }

    private static async Task HandleAsync(HttpContext context, byte[] key)
    {
        var request = context.Request;
        if (request.ContentLength is not { } length || length > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var body = new byte[length];
        await request.Body.ReadExactlyAsync(body, context.RequestAborted);
        var valid = WebhookSignature.IsValid(key, request.Headers[WebhookSignature.Header].ToString(), body);
        context.Response.StatusCode = valid ? StatusCodes.Status202Accepted : StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(valid ? "accepted\n" : "bad signature\n", context.RequestAborted);
    }
}
