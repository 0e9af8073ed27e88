using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Kelos.Testing.GitHub;

/// <summary>
/// Runs around every endpoint: reads the credential, counts it against the rate limit and writes the
/// <c>x-ratelimit-*</c> headers, plays the failures a test asked for, and records the call with its answer.
/// </summary>
internal sealed class StandInPipeline(StandInState state)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        context.Request.EnableBuffering();
        using (var reader = new StreamReader(context.Request.Body, leaveOpen: true))
        {
            context.Items[typeof(StandInPipeline)] = await reader.ReadToEndAsync(context.RequestAborted);
        }

        context.Request.Body.Position = 0;
        var caller = StandInAuthenticator.Resolve(context, state);
        context.Items[typeof(StandInCaller)] = caller;
        var receivedAt = state.Time.GetUtcNow();
        long started;
        lock (state.Gate)
        {
            started = ++state.WireOrder;
        }

        try
        {
            if (HoldFor(context) is { } hold)
            {
                await hold.WaitAsync(context.RequestAborted);
            }

            if (!await DelayAsync(context))
            {
                return;
            }

            var failure = Prepare(context, caller);
            if (failure is not null)
            {
                await failure.ExecuteAsync(context);
            }
            else
            {
                await next(context);
            }
        }
        finally
        {
            var call = new StandInCall(
                context.Request.Method,
                context.Request.PathBase + context.Request.Path,
                context.Request.QueryString.Value ?? string.Empty,
                (string)context.Items[typeof(StandInPipeline)]!,
                caller.Kind,
                context.Response.StatusCode);
            lock (state.Gate)
            {
                state.Calls.Add(call with { ReceivedAt = receivedAt, Started = started, Finished = ++state.WireOrder });
            }
        }
    }

    /// <summary>
    /// Holds the call back (on the wall clock, whatever the stand-in's clock) when a test asked for slow answers; false
    /// when the caller gave up meanwhile (recorded as 499, as proxies log it).
    /// </summary>
    private async Task<bool> DelayAsync(HttpContext context)
    {
        TimeSpan delay;
        lock (state.Gate)
        {
            var knobs = state.Knobs;
            var path = context.Request.Path.Value ?? string.Empty;
            if (knobs.DelayedCalls <= 0 || (knobs.DelayPathPrefix is not null && !path.StartsWith(knobs.DelayPathPrefix, StringComparison.Ordinal)))
            {
                return true;
            }

            knobs.DelayedCalls--;
            delay = knobs.Delay;
        }

        try
        {
            await Task.Delay(delay, context.RequestAborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            context.Response.StatusCode = 499;
            return false;
        }
    }

    private StandInHold? HoldFor(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        lock (state.Gate)
        {
            return state.Knobs.Holds.FirstOrDefault(h => !h.IsReleased && path.StartsWith(h.PathPrefix, StringComparison.Ordinal));
        }
    }

    /// <summary>Writes the rate-limit headers; returns the failure to answer instead of the endpoint, if one is due.</summary>
    private IResult? Prepare(HttpContext context, StandInCaller caller)
    {
        var now = state.Time.GetUtcNow();
        lock (state.Gate)
        {
            var knobs = state.Knobs;
            var exhausted = knobs.RateLimitExhaustedUntil is { } until && until > now;
            var used = state.RateLimitUsed[caller.CredentialKey] = state.RateLimitUsed.GetValueOrDefault(caller.CredentialKey) + 1;
            var reset = exhausted ? knobs.RateLimitExhaustedUntil!.Value : NextHour(now);
            var headers = context.Response.Headers;
            headers["x-ratelimit-limit"] = GitHubLimits.RequestsPerHour.ToString(CultureInfo.InvariantCulture);
            headers["x-ratelimit-remaining"] = (exhausted ? 0 : Math.Max(0, GitHubLimits.RequestsPerHour - used)).ToString(CultureInfo.InvariantCulture);
            headers["x-ratelimit-used"] = (exhausted ? GitHubLimits.RequestsPerHour : used).ToString(CultureInfo.InvariantCulture);
            headers["x-ratelimit-reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            headers["x-ratelimit-resource"] = "core";

            if (exhausted)
            {
                return GitHubErrors.Forbidden($"API rate limit exceeded for {caller.CredentialKey}.");
            }

            var path = context.Request.Path.Value ?? string.Empty;
            if (knobs.FailedCalls > 0
                && (knobs.FailPathPrefix is null || path.StartsWith(knobs.FailPathPrefix, StringComparison.Ordinal))
                && (knobs.FailMethod is null || string.Equals(knobs.FailMethod, context.Request.Method, StringComparison.OrdinalIgnoreCase)))
            {
                knobs.FailedCalls--;
                return GitHubErrors.Error(knobs.FailStatus, "Server Error");
            }

            if (knobs.ThrottledCalls > 0 && context.GetEndpoint()?.Metadata.GetMetadata<ContentCreating>() is not null)
            {
                knobs.ThrottledCalls--;
                if (knobs.ThrottleRetryAfter is { } retryAfter)
                {
                    headers.RetryAfter = ((long)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                return GitHubErrors.Forbidden(
                    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. "
                    + "If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.");
            }
        }

        return null;
    }

    private static DateTimeOffset NextHour(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour + 1), TimeSpan.Zero);
}
