using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kelos.Testing;

/// <summary>
/// An in-process model provider for the real agent CLIs: it speaks the Anthropic Messages, OpenAI Responses and
/// Gemini APIs on a loopback port and plays the scenario the prompt names (see <see cref="Scenario"/> and
/// <see cref="ScenarioNames"/>). Every reply is decided from its request alone. Anything else answers 404.
/// </summary>
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
        app.MapPost("/v1/messages", context => AnthropicMessagesEndpoint.HandleAsync(context, options.SlowDelay));
        app.MapPost("/v1/responses", context => OpenAIResponsesEndpoint.HandleAsync(context, options.SlowDelay));
        app.MapPost("/v1beta/models/{target}", context =>
            GeminiEndpoint.HandleAsync(context, (string)context.Request.RouteValues["target"]!, options.SlowDelay));
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
