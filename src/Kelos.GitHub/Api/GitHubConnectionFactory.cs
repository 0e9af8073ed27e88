using System.Collections.Concurrent;
using Kelos.GitHub.Api.Outbound;
using Kelos.GitHub.Auth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit;
using Octokit.Internal;

namespace Kelos.GitHub.Api;

/// <summary>
/// Builds Octokit connections on the normalized API root, kept as it is (Octokit's own <c>GitHubClient(header, uri)</c>
/// would force <c>/api/v3/</c> onto any non-github.com URL). All connections share one HTTP handler (one connection
/// pool); each has the outbound throttle (<see cref="GitHubOutboundOptions"/>) in its handler chain.
/// </summary>
public sealed class GitHubConnectionFactory : IDisposable
{
    private static readonly ProductHeaderValue Product = new(
        "Kelos", typeof(GitHubConnectionFactory).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    private readonly HttpMessageHandler _primary = HttpMessageHandlerFactory.CreateDefault();
    private readonly GitHubOutboundOptions _outbound;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OutboundGate _appGate;
    private readonly ConcurrentDictionary<long, OutboundGate> _installationGates = new();

    /// <summary>Uses <see cref="GitHubAppOptions.ApiBaseUrl"/>, and paces and retries as <paramref name="outbound"/> says.</summary>
    public GitHubConnectionFactory(
        IOptions<GitHubAppOptions> options, IOptions<GitHubOutboundOptions> outbound, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(outbound);
        ArgumentNullException.ThrowIfNull(loggers);
        BaseUrl = GitHubApiBaseUrl.Normalize(options.Value.ApiBaseUrl);
        _outbound = outbound.Value;
        _time = time;
        _logger = loggers.CreateLogger<OutboundThrottleHandler>();
        _appGate = NewGate();
    }

    /// <summary>The root every request is resolved against, ending in <c>/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>
    /// A connection that asks <paramref name="credentials"/> for its credentials before every request (and again before
    /// a retry). Connections of one installation (an <see cref="InstallationCredentialStore"/>) share its outbound gate:
    /// its content-creating requests go one at a time, at the configured pace. The App's connections
    /// (<see cref="AppJwtCredentialStore"/>) share one gate of their own; any other credentials get a gate per connection.
    /// </summary>
    public IConnection Create(ICredentialStore credentials)
    {
        var gate = credentials switch
        {
            InstallationCredentialStore installation => _installationGates.GetOrAdd(installation.InstallationId, _ => NewGate()),
            AppJwtCredentialStore => _appGate,
            _ => NewGate(),
        };
        var http = new ThrottledHttpClient(() => new OutboundThrottleHandler(gate, credentials, _outbound, _time, _logger)
        {
            InnerHandler = new SharedHandler(_primary),
        });
        return new Connection(Product, BaseUrl, credentials, http, new SimpleJsonSerializer());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _primary.Dispose();
        _appGate.Dispose();
        foreach (var gate in _installationGates.Values)
        {
            gate.Dispose();
        }
    }

    private OutboundGate NewGate() => new(_outbound.ContentCreationPerMinute, _time);
}
