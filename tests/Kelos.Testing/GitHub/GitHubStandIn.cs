using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Kelos.Testing.GitHub;

/// <summary>
/// An in-process GitHub that speaks the REST API over HTTP on a loopback port, for the real Octokit client.
/// It holds one App (its RSA key pair made per instance: <see cref="PrivateKeyPem"/> is for the code under test),
/// installations, repositories with issues, pull requests, comments, reviews and check runs, collaborators and teams.
/// Every JWT is verified against the App's public key (RS256, <c>iss</c>, <c>iat</c>, <c>exp</c>); every installation
/// token is checked for expiry, repository and permission. Every call is recorded (<see cref="Calls"/>).
/// </summary>
/// <remarks>
/// Served both at the root and under <c>/api/v3/</c> (GitHub Enterprise style). Every answer carries
/// <c>x-ratelimit-*</c> headers. Seed with the <c>Add…</c>/<c>Set…</c> methods, inspect with the query methods, and
/// ask for failures with <see cref="ThrottleContentCreation"/>, <see cref="FailNextCalls"/>, <see cref="DelayNextCalls"/>
/// and <see cref="ExhaustRateLimit"/>, or hold calls unanswered with <see cref="HoldCalls"/>. Comments, reactions, pull
/// requests and replies made through the API are written by <see cref="BotLogin"/>.
/// </remarks>
public sealed partial class GitHubStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StandInState _state;

    private GitHubStandIn(WebApplication app, StandInState state)
    {
        _app = app;
        _state = state;
    }

    /// <summary>The root, e.g. <c>http://127.0.0.1:40123/</c>: use it as the API base URL as given.</summary>
    public Uri BaseUrl => _state.BaseUrl;

    /// <summary><see cref="BaseUrl"/> plus <c>api/v3/</c>, the GitHub Enterprise form of the same API.</summary>
    public Uri ApiV3Url => new(_state.BaseUrl, "api/v3/");

    /// <summary>The App id (the JWT's <c>iss</c>).</summary>
    public long AppId => _state.Options.AppId;

    /// <summary>The App slug.</summary>
    public string AppSlug => _state.Options.AppSlug;

    /// <summary>The login the App writes as: <c>{slug}[bot]</c>.</summary>
    public string BotLogin => _state.BotLogin;

    /// <summary>The App's private key (PKCS#1 PEM, as GitHub hands it out), for the code under test.</summary>
    public string PrivateKeyPem => _state.Key.ExportRSAPrivateKeyPem();

    /// <summary>The App's public key, which verifies every JWT.</summary>
    public string PublicKeyPem => _state.Key.ExportSubjectPublicKeyInfoPem();

    /// <summary>The webhook secret the manifest conversion hands out.</summary>
    public string WebhookSecret => _state.Options.WebhookSecret;

    /// <summary>The clock the stand-in judges JWTs and tokens by.</summary>
    public TimeProvider Time => _state.Time;

    /// <summary>Starts a stand-in on a free loopback port.</summary>
    public static async Task<GitHubStandIn> StartAsync(GitHubStandInOptions? options = null, CancellationToken cancellationToken = default)
    {
        var state = new StandInState(options ?? new GitHubStandInOptions());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.UsePathBase("/api/v3");
        app.UseRouting();
        app.Use(new StandInPipeline(state).InvokeAsync);
        AppEndpoints.Map(app, state);
        InstallationTokenEndpoints.Map(app, state);
        InstallationRepositoryEndpoints.Map(app, state);
        CollaboratorEndpoints.Map(app, state);
        IssueEndpoints.Map(app, state);
        ReactionEndpoints.Map(app, state);
        PullEndpoints.Map(app, state);
        ReviewCommentEndpoints.Map(app, state);
        CheckRunEndpoints.Map(app, state);
        DeliveryEndpoints.Map(app, state);
        ManifestEndpoints.Map(app, state);
        app.MapFallback(GitHubErrors.NotFound);
        await app.StartAsync(cancellationToken);
        state.BaseUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return new GitHubStandIn(app, state);
    }

    /// <summary>
    /// Answers the next <paramref name="calls"/> content-creating calls (new comments, replies, pull requests) with
    /// GitHub's 403 secondary rate limit, with <c>retry-after</c> when <paramref name="retryAfter"/> is given (GitHub does not
    /// always send one).
    /// </summary>
    public void ThrottleContentCreation(int calls, TimeSpan? retryAfter)
    {
        lock (_state.Gate)
        {
            _state.Knobs.ThrottledCalls = calls;
            _state.Knobs.ThrottleRetryAfter = retryAfter;
        }
    }

    /// <summary>
    /// Answers the next <paramref name="calls"/> calls (only those whose path, without <c>/api/v3</c>, starts with
    /// <paramref name="pathPrefix"/>, and only of <paramref name="method"/>, when given) with <paramref name="statusCode"/>.
    /// </summary>
    public void FailNextCalls(int calls, int statusCode = 500, string? pathPrefix = null, string? method = null)
    {
        lock (_state.Gate)
        {
            _state.Knobs.FailedCalls = calls;
            _state.Knobs.FailStatus = statusCode;
            _state.Knobs.FailPathPrefix = pathPrefix;
            _state.Knobs.FailMethod = method;
        }
    }

    /// <summary>
    /// Holds the next <paramref name="calls"/> calls (only those whose path, without <c>/api/v3</c>, starts with
    /// <paramref name="pathPrefix"/>, when given) for <paramref name="delay"/> of wall time before answering them; a
    /// caller that gives up meanwhile is recorded with status 499.
    /// </summary>
    public void DelayNextCalls(int calls, TimeSpan delay, string? pathPrefix = null)
    {
        lock (_state.Gate)
        {
            _state.Knobs.DelayedCalls = calls;
            _state.Knobs.Delay = delay;
            _state.Knobs.DelayPathPrefix = pathPrefix;
        }
    }

    /// <summary>
    /// Holds every call whose path (without <c>/api/v3</c>) starts with <paramref name="pathPrefix"/> unanswered until
    /// the returned hold is released (or disposed); a caller that gives up or dies in the meantime gets nothing.
    /// </summary>
    public StandInHold HoldCalls(string pathPrefix)
    {
        var hold = new StandInHold(pathPrefix);
        lock (_state.Gate)
        {
            _state.Knobs.Holds.Add(hold);
        }

        return hold;
    }

    /// <summary>Answers every call with 403 "API rate limit exceeded" and <c>x-ratelimit-remaining: 0</c> until <paramref name="until"/>.</summary>
    public void ExhaustRateLimit(DateTimeOffset until)
    {
        lock (_state.Gate)
        {
            _state.Knobs.RateLimitExhaustedUntil = until;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        lock (_state.Gate)
        {
            _state.Knobs.Holds.ForEach(h => h.Release());
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        _state.Dispose();
    }
}
