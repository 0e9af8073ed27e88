using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kelos.GitHub.Manifest;

/// <summary>
/// The local end of GitHub's App manifest flow. <c>GET /</c> shows a one-click form that posts the manifest to
/// GitHub with a fresh <c>state</c> nonce; GitHub creates the App and sends the browser to <c>GET /callback</c>
/// with a one-time <c>code</c> and the state. A callback whose state does not match is refused (another site cannot
/// hand us its App); the first matching one is exchanged for the App's credentials, which go to the caller's
/// <c>onCreated</c> before the browser is told they are saved. Request logging is off: the callback URL holds the code.
/// </summary>
public sealed class ManifestFlowServer : IAsyncDisposable
{
    /// <summary>The path GitHub redirects to.</summary>
    public const string CallbackPath = "/callback";

    private static readonly TimeSpan ExchangeTimeout = TimeSpan.FromMinutes(1);

    private readonly WebApplication _app;
    private readonly ManifestFlowSettings _settings;
    private readonly Func<CreatedGitHubApp, CancellationToken, Task> _onCreated;
    private readonly string _state = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
    private readonly TaskCompletionSource<CreatedGitHubApp> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _claimed;

    private ManifestFlowServer(WebApplication app, ManifestFlowSettings settings, Func<CreatedGitHubApp, CancellationToken, Task> onCreated)
    {
        _app = app;
        _settings = settings;
        _onCreated = onCreated;
    }

    /// <summary>The page to open in a browser, e.g. <c>http://127.0.0.1:8976/</c>.</summary>
    public Uri LocalUrl { get; private set; } = null!;

    /// <summary>The manifest the form posts.</summary>
    public JsonObject Manifest { get; private set; } = null!;

    /// <summary>GitHub's registration URL the form posts to, state included.</summary>
    public Uri RegistrationUrl { get; private set; } = null!;

    /// <summary>Completes with the App once its credentials were handed to <c>onCreated</c> and the browser was answered; faults when that failed.</summary>
    public Task<CreatedGitHubApp> Completion => _done.Task;

    /// <summary>Starts listening on <see cref="ManifestFlowSettings.Listen"/>.</summary>
    /// <exception cref="ArgumentException">The listen address, URL or name is not usable.</exception>
    public static async Task<ManifestFlowServer> StartAsync(
        ManifestFlowSettings settings, Func<CreatedGitHubApp, CancellationToken, Task> onCreated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(ListenUrl(settings.Listen));
        var app = builder.Build();
        var server = new ManifestFlowServer(app, settings, onCreated);
        app.MapGet("/", () => server.Manifest is null
            ? Html(StatusCodes.Status503ServiceUnavailable, ManifestPages.Problem("Starting; reload in a moment."))
            : Html(StatusCodes.Status200OK, ManifestPages.Form(server.Manifest, server.RegistrationUrl)));
        // A typed Func, not a method group: one taking only HttpContext would bind as a RequestDelegate and drop the result.
        Func<HttpContext, Task<IResult>> callback = server.CallbackAsync;
        app.MapGet(CallbackPath, callback);
        app.MapFallback(() => Html(StatusCodes.Status404NotFound, ManifestPages.Problem("Not found.")));
        await app.StartAsync(cancellationToken);
        server.LocalUrl = Reachable(new Uri(app.Urls.First()));
        server.Manifest = KelosAppManifest.Build(new AppManifestSettings(settings.Url, settings.Name, settings.Public, new Uri(server.LocalUrl, CallbackPath)));
        server.RegistrationUrl = GitHubAppRegistrationUrl.For(settings.GitHubUrl, settings.Organization, server._state);
        return server;
    }

    private async Task<IResult> CallbackAsync(HttpContext context)
    {
        var state = context.Request.Query["state"].ToString();
        var code = context.Request.Query["code"].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(state), Encoding.UTF8.GetBytes(_state)))
        {
            return Html(StatusCodes.Status400BadRequest, ManifestPages.Problem($"This redirect does not belong to this kelos github-app create (its state does not match). Start again from {LocalUrl}."));
        }

        if (code.Length == 0)
        {
            return Html(StatusCodes.Status400BadRequest, ManifestPages.Problem("GitHub sent no code."));
        }

        if (Interlocked.Exchange(ref _claimed, 1) == 1)
        {
            return Html(StatusCodes.Status409Conflict, ManifestPages.Problem("The App was created already; see the terminal."));
        }

        try
        {
            // Not the request's token: a closed browser tab must not lose an App that GitHub has already created.
            using var timeout = new CancellationTokenSource(ExchangeTimeout);
            var created = await ManifestConversion.ExchangeAsync(_settings.ApiUrl, code, timeout.Token);
            await _onCreated(created, timeout.Token);
            context.Response.OnCompleted(() => Task.FromResult(_done.TrySetResult(created)));
            return Html(StatusCodes.Status200OK, ManifestPages.Created(created));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context.Response.OnCompleted(() => Task.FromResult(_done.TrySetException(e)));
            return Html(StatusCodes.Status502BadGateway, ManifestPages.Problem("The App's credentials could not be saved; see the terminal."));
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string ListenUrl(string listen)
    {
        var colon = listen.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(listen.AsSpan(colon + 1), out var port) || port is < 0 or > 65535
            || !Uri.TryCreate($"http://{listen}/", UriKind.Absolute, out _))
        {
            throw new ArgumentException($"--listen must be HOST:PORT, e.g. 127.0.0.1:8976, not \"{listen}\"");
        }

        return $"http://{listen}";
    }

    /// <summary>A wildcard listen address is reached on loopback.</summary>
    private static Uri Reachable(Uri bound)
    {
        var host = bound.Host is "0.0.0.0" or "+" or "*" ? "127.0.0.1" : bound.Host is "[::]" or "::" ? "[::1]" : bound.Host;
        return new UriBuilder(bound) { Host = host, Path = "/" }.Uri;
    }

    private static IResult Html(int status, string html) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
}
