using Microsoft.AspNetCore.Http;

namespace Kelos.GitHub.Webhooks;

/// <summary>The answer to one delivery: a status code and a short reason GitHub shows in its delivery log.</summary>
internal readonly record struct WebhookOutcome(int StatusCode, string Reason)
{
    public static WebhookOutcome Accepted() => new(StatusCodes.Status202Accepted, "accepted");

    public static WebhookOutcome Ignored(string why) => new(StatusCodes.Status202Accepted, "ignored: " + why);

    public static WebhookOutcome Pong() => new(StatusCodes.Status200OK, "pong");

    public static WebhookOutcome Duplicate() => new(StatusCodes.Status200OK, "duplicate: this delivery or event was already received");

    public static WebhookOutcome BadRequest(string why) => new(StatusCodes.Status400BadRequest, why);

    public static WebhookOutcome Unauthorized(string why) => new(StatusCodes.Status401Unauthorized, why);

    public static WebhookOutcome TooLarge(long max) => new(StatusCodes.Status413PayloadTooLarge, $"body larger than {max} bytes");

    public static WebhookOutcome Unavailable(string why) => new(StatusCodes.Status503ServiceUnavailable, why);
}
