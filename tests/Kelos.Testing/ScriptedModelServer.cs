using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kelos.Testing;

/// <summary>
/// An in-process model provider for the real agent CLIs. It speaks, on a loopback port:
/// Anthropic Messages (<c>POST /v1/messages</c>, Claude Code and OpenCode), OpenAI Responses
/// (<c>POST /v1/responses</c>, Codex) and Gemini (<c>POST /v1beta/models/{model}:streamGenerateContent</c> and
/// <c>:generateContent</c>, Gemini CLI). Anything else answers 404.
/// </summary>
/// <remarks>
/// The prompt picks the scenario with markers (see <see cref="Scenario"/>, <see cref="ScenarioNames"/>,
/// <see cref="ScenarioDefaults"/>), e.g. <c>"Fix it. " + Scenario.Markers(ScenarioNames.Answer, answer: "LGTM")</c>;
/// no marker plays <see cref="ScenarioNames.Commit"/>. Every reply is decided from its request alone (the prompt,
/// whether a tool result is present, which shell tool is offered), so retries and parallel runs need no state.
/// Every reply reports <see cref="ScriptedUsage"/>. <see cref="Requests"/> records what arrived, for assertions.
/// </remarks>
public sealed class ScriptedModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<RecordedRequest> _requests = [];

    private ScriptedModelServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:40123/</c>. Agents append their own API paths.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Every request received so far (including 404s), in arrival order; a snapshot.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<ScriptedModelServer> StartAsync(ScriptedModelServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ScriptedModelServerOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ScriptedModelServer(app);
        app.Use(server.RecordAsync);
        app.Map("/v1/messages", PostOnly(context => AnthropicMessagesEndpoint.HandleAsync(context, options.SlowDelay)));
        app.Map("/v1/responses", PostOnly(context => OpenAIResponsesEndpoint.HandleAsync(context, options.SlowDelay)));
        app.Map("/v1beta/models/{target}", PostOnly(context =>
            GeminiEndpoint.HandleAsync(context, (string)context.Request.RouteValues["target"]!, options.SlowDelay)));
        await app.StartAsync(cancellationToken);
        server.BaseUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Anything but a POST, websocket upgrades included, is a 404 like every unknown path (not a 405).</summary>
    private static RequestDelegate PostOnly(RequestDelegate handler) => context =>
    {
        if (HttpMethods.IsPost(context.Request.Method))
        {
            return handler(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    };

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;
        var request = new RecordedRequest(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? string.Empty, body);
        lock (_requests)
        {
            _requests.Add(request);
        }

        await next(context);
    }
}
