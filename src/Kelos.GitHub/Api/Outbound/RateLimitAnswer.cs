using System.Globalization;
using System.Net;

namespace Kelos.GitHub.Api.Outbound;

/// <summary>
/// GitHub's "not now" (a 403 or 429 that refused the request without carrying it out): how long it asks for, and why.
/// A 403 that is a real refusal ("Resource not accessible by integration", a suspended installation) is not one.
/// </summary>
internal sealed record RateLimitAnswer(TimeSpan Wait, string Reason, bool Secondary)
{
    /// <summary>GitHub: after a secondary-limit answer without <c>retry-after</c>, wait at least a minute.</summary>
    public static readonly TimeSpan SecondaryLimitWait = TimeSpan.FromMinutes(1);

    // x-ratelimit-reset has whole seconds and GitHub's clock is not ours.
    private static readonly TimeSpan ResetMargin = TimeSpan.FromSeconds(1);

    /// <summary>Reads the answer, or null when it is not a rate limit.</summary>
    /// <param name="response">The answer; its body must be buffered (it is read for GitHub's wording).</param>
    /// <param name="now">The current time, for <c>x-ratelimit-reset</c> and a dated <c>retry-after</c>.</param>
    /// <param name="secondaryBefore">Secondary-limit answers without <c>retry-after</c> this request already got: each doubles the wait.</param>
    /// <param name="cancellationToken">Stops reading the body.</param>
    public static async Task<RateLimitAnswer?> ReadAsync(
        HttpResponseMessage response, DateTimeOffset now, int secondaryBefore, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date - now) ?? TimeSpan.Zero;
            return new RateLimitAnswer(Max(wait, TimeSpan.Zero), "GitHub asked to retry after a while (retry-after)", Secondary: false);
        }

        if (Header(response, "x-ratelimit-remaining") == "0"
            && long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var reset))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(reset) - now;
            return new RateLimitAnswer(Max(wait, TimeSpan.Zero) + ResetMargin, "rate limit used up until its reset", Secondary: false);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests
            || (await response.Content.ReadAsStringAsync(cancellationToken)).Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase))
        {
            var wait = SecondaryLimitWait * Math.Pow(2, Math.Min(secondaryBefore, 16));
            return new RateLimitAnswer(wait, "secondary rate limit", Secondary: true);
        }

        return null;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
