using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kelos.GitHub.Webhooks;

/// <summary>
/// <c>POST /api/github/webhooks</c>: reads the body under the size cap, checks the signature before looking at
/// anything else, checks the GitHub headers, and hands the delivery to <see cref="WebhookDeliveryProcessor"/>.
/// The answer is a status code and a one-line reason, which GitHub shows in the App's delivery log.
/// </summary>
internal sealed class WebhookEndpoint(
    IOptions<KelosWebhookOptions> options,
    WebhookSignatureVerifier verifier,
    WebhookDeliveryProcessor processor,
    ILogger<WebhookEndpoint> logger)
{
    private const int MaxDeliveryIdLength = 128;
    private const int MaxEventLength = 64;
    private readonly long _maxBodyBytes = options.Value.MaxBodyBytes;

    public async Task HandleAsync(HttpContext context)
    {
        var outcome = await DecideAsync(context);
        var level = outcome.StatusCode switch
        {
            >= 500 => LogLevel.Error,
            >= 400 => LogLevel.Warning,
            _ => LogLevel.Debug,
        };
        logger.Log(level, "Webhook delivery {DeliveryId} ({Event}): {StatusCode} {Reason}",
            SafeHeader(context.Request.Headers["X-GitHub-Delivery"]), SafeHeader(context.Request.Headers["X-GitHub-Event"]), outcome.StatusCode, outcome.Reason);
        context.Response.StatusCode = outcome.StatusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(outcome.Reason + "\n", context.RequestAborted);
    }

    private async Task<WebhookOutcome> DecideAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > _maxBodyBytes)
        {
            return WebhookOutcome.TooLarge(_maxBodyBytes);
        }

        // Unsigned requests are turned away before their body is read.
        if (!request.Headers.TryGetValue("X-Hub-Signature-256", out var signature))
        {
            return WebhookOutcome.Unauthorized("missing X-Hub-Signature-256");
        }

        byte[]? body;
        try
        {
            body = await WebhookBodyReader.ReadAsync(request, _maxBodyBytes, context.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            return new WebhookOutcome(e.StatusCode, "could not read the request body");
        }

        if (body is null)
        {
            return WebhookOutcome.TooLarge(_maxBodyBytes);
        }

        if (!verifier.IsValid(signature, body))
        {
            return WebhookOutcome.Unauthorized("X-Hub-Signature-256 does not match the body and the webhook secret");
        }

        var eventName = request.Headers["X-GitHub-Event"];
        if (eventName.Count != 1 || !IsEventName(eventName[0]))
        {
            return WebhookOutcome.BadRequest("missing or malformed X-GitHub-Event");
        }

        var deliveryId = request.Headers["X-GitHub-Delivery"];
        if (deliveryId.Count != 1 || !IsDeliveryId(deliveryId[0]))
        {
            return WebhookOutcome.BadRequest("missing or malformed X-GitHub-Delivery");
        }

        var publisher = context.RequestServices.GetRequiredService<IPublishEndpoint>();
        return await processor.ProcessAsync(new WebhookDelivery(deliveryId[0]!, eventName[0]!, body), publisher, context.RequestAborted);
    }

    private static bool IsEventName(string? value) =>
        value is { Length: > 0 and <= MaxEventLength } && value.All(c => c is (>= 'a' and <= 'z') or '_');

    /// <summary>A GUID in practice; anything printable without spaces is accepted, as it is only a key.</summary>
    private static bool IsDeliveryId(string? value) =>
        value is { Length: > 0 and <= MaxDeliveryIdLength } && value.All(c => c is > ' ' and < (char)127);

    /// <summary>Headers go to the log only when they look like what GitHub sends: no log injection.</summary>
    private static string SafeHeader(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count == 1 && IsDeliveryId(value[0]) ? value[0]! : "-";
}
