using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Octokit;

namespace Kelos.GitHub.Api.Outbound;

/// <summary>
/// Kelos's manners towards GitHub, in every Octokit connection's handler chain (so call sites need not know):
/// <list type="bullet">
/// <item>Content-creating requests (<see cref="OutboundRequest"/>) of one installation go one at a time, at most
/// <see cref="GitHubOutboundOptions.ContentCreationPerMinute"/> in any minute. Other requests go concurrently.</item>
/// <item>A rate-limit answer (<see cref="RateLimitAnswer"/>) is waited out and the request sent again, whatever its
/// method: GitHub refused it without carrying it out. The installation's other requests hold off meanwhile.</item>
/// <item>A transient failure (5xx, a network error, <see cref="GitHubOutboundOptions.AttemptTimeout"/>) is retried with
/// exponential backoff and jitter, but only when the request is safe to repeat. A content-creating POST that failed so
/// is not repeated, since GitHub may have created the content: the error reaches the caller, which should look for
/// what it posted (by its hidden marker) before posting again.</item>
/// </list>
/// Bounded by <see cref="GitHubOutboundOptions.MaxAttempts"/> and <see cref="GitHubOutboundOptions.MaxWait"/>: past
/// them the last answer (or error) is what the caller gets. Every wait is logged once, without headers or tokens.
/// </summary>
internal sealed class OutboundThrottleHandler(
    OutboundGate gate, ICredentialStore credentials, GitHubOutboundOptions options, TimeProvider time, ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var kind = OutboundRequest.Of(request);
        if (request.Content is not null)
        {
            // Once buffered, the body can be sent again.
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        if (!kind.CreatesContent)
        {
            return await SendWithRetriesAsync(request, kind, cancellationToken);
        }

        await gate.EnterAsync(cancellationToken);
        try
        {
            return await SendWithRetriesAsync(request, kind, cancellationToken);
        }
        finally
        {
            gate.Exit();
        }
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(HttpRequestMessage request, OutboundRequest kind, CancellationToken cancellationToken)
    {
        var secondaryLimits = 0;
        for (var attempt = 1; ; attempt++)
        {
            await WaitForGateAsync(request, kind, cancellationToken);
            if (attempt > 1)
            {
                await RefreshAuthorizationAsync(request);
            }

            if (kind.CreatesContent)
            {
                gate.ContentSending();
            }

            var lastAttempt = attempt >= options.MaxAttempts;
            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(request, cancellationToken);
            }
            catch (Exception e) when ((e is HttpRequestException or TimeoutException) && kind.SafeToRepeat && !lastAttempt)
            {
                await WaitAsync(Backoff(attempt), $"{e.GetType().Name} on attempt {attempt}", request, cancellationToken);
                continue;
            }

            var limited = await RateLimitAnswer.ReadAsync(response, time.GetUtcNow(), secondaryLimits, cancellationToken);
            if (limited is not null)
            {
                if (lastAttempt || limited.Wait > options.MaxWait)
                {
                    return response;
                }

                secondaryLimits += limited.Secondary ? 1 : 0;
                response.Dispose();
                gate.Pause(limited.Wait, limited.Reason); // waited out at the top of the loop, by this request and the others
                continue;
            }

            var status = (int)response.StatusCode;
            if (status >= 500 && kind.SafeToRepeat && !lastAttempt)
            {
                response.Dispose();
                await WaitAsync(Backoff(attempt), $"GitHub answered {status} on attempt {attempt}", request, cancellationToken);
                continue;
            }

            return response;
        }
    }

    /// <summary>Waits while GitHub asked the installation to hold off and, for content, until the last minute has room.</summary>
    private async Task WaitForGateAsync(HttpRequestMessage request, OutboundRequest kind, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (paused, reason) = gate.Paused();
            if (paused > TimeSpan.Zero)
            {
                await WaitAsync(paused, reason, request, cancellationToken);
                continue;
            }

            var full = kind.CreatesContent ? gate.ContentWait() : TimeSpan.Zero;
            if (full > TimeSpan.Zero)
            {
                var why = string.Create(CultureInfo.InvariantCulture, $"at most {options.ContentCreationPerMinute} content-creating requests a minute");
                await WaitAsync(full, why, request, cancellationToken);
                continue;
            }

            return;
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The network timeout is on the wall clock on purpose: it is about a socket, not about pacing.
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(options.AttemptTimeout);
        try
        {
            var response = await base.SendAsync(request, attempt.Token);
            try
            {
                await response.Content.LoadIntoBufferAsync(attempt.Token);
            }
            catch
            {
                response.Dispose();
                throw;
            }

            return response;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                string.Create(CultureInfo.InvariantCulture, $"GitHub did not answer {request.Method} {PathOf(request)} within {options.AttemptTimeout}."), e);
        }
    }

    /// <summary>A retry after a long wait must not carry a token or JWT that expired meanwhile: ask the store again.</summary>
    private async Task RefreshAuthorizationAsync(HttpRequestMessage request)
    {
        if (request.Headers.Authorization is not { Scheme: var scheme } || !scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var current = await credentials.GetCredentials();
        if (current?.AuthenticationType == AuthenticationType.Bearer && !string.IsNullOrEmpty(current.Password))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", current.Password);
        }
    }

    private async Task WaitAsync(TimeSpan wait, string reason, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Timers count whole milliseconds: round up, or a wait re-checked against the clock could come back for 0.4 ms forever.
        wait = TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds));
        logger.LogWarning(
            "GitHub outbound: waiting {WaitSeconds:0.#} s before {Method} {Path}: {Reason}",
            wait.TotalSeconds, request.Method.Method, PathOf(request), reason);
        await Task.Delay(wait, time, cancellationToken);
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.BaseDelay * Math.Pow(2, Math.Min(attempt - 1, 16));
        var jittered = exponential * (0.5 + Random.Shared.NextDouble());
        return jittered < options.MaxWait ? jittered : options.MaxWait;
    }

    // The path only: a query string is not needed to tell requests apart, and Kelos puts nothing secret in paths.
    private static string PathOf(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? string.Empty;
}
