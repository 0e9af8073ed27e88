using Octokit;
using Octokit.Internal;

namespace Kelos.GitHub.Api.Outbound;

/// <summary>
/// Octokit's <see cref="HttpClientAdapter"/> over a handler chain with <see cref="OutboundThrottleHandler"/>, minus
/// Octokit's own 100-second limit on a whole request (its <c>Request.Timeout</c> and <c>HttpClient.Timeout</c>): the
/// throttle may rightly wait longer than that (a <c>retry-after</c>, a rate-limit reset) and times each attempt itself.
/// </summary>
internal sealed class ThrottledHttpClient : IHttpClient
{
    private readonly HttpClientAdapter _inner;

    public ThrottledHttpClient(Func<HttpMessageHandler> handlers)
    {
        _inner = new HttpClientAdapter(handlers);
        _inner.SetRequestTimeout(Timeout.InfiniteTimeSpan);
    }

    public Task<IResponse> Send(IRequest request, CancellationToken cancellationToken, Func<object, object>? preprocessResponseBody = null)
    {
        if (request is Request octokitRequest)
        {
            octokitRequest.Timeout = TimeSpan.Zero; // Octokit: zero means no timeout of its own
        }

        return _inner.Send(request, cancellationToken, preprocessResponseBody);
    }

    /// <summary>An explicit timeout asked for through Octokit's connection still applies to the whole request.</summary>
    public void SetRequestTimeout(TimeSpan timeout) => _inner.SetRequestTimeout(timeout);

    public void Dispose() => _inner.Dispose();
}
