using System.Net.Http.Headers;
using Kelos.Contracts;
using Kelos.Core.Deliveries;
using Kelos.Runtime.Local.Deliveries;
using Kelos.Runtime.Local.State;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kelos.GitHub.Webhooks.Tests;

/// <summary>
/// The webhook front end as <c>kelos serve</c> wires it: real Kestrel on 127.0.0.1 with a free port, the MassTransit
/// in-memory bus, and the file ledger in a state directory that outlives the server (so a test can restart it).
/// </summary>
public sealed class WebhookTestServer : IAsyncDisposable
{
    public const string Secret = "It's a Secret to Everybody";

    private readonly WebApplication _app;
    private readonly FileDeliveryLedger _ledger;

    private WebhookTestServer(WebApplication app, FileDeliveryLedger ledger, HttpClient client, PublishedEvents published, PublishFailureSwitch failure, RecordingLoggerProvider logs)
    {
        _app = app;
        _ledger = ledger;
        Client = client;
        Published = published;
        Failure = failure;
        Logs = logs;
    }

    public HttpClient Client { get; }

    public PublishedEvents Published { get; }

    public PublishFailureSwitch Failure { get; }

    public RecordingLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server on <paramref name="stateRoot"/>; <paramref name="settings"/> add to or override the secret.</summary>
    public static async Task<WebhookTestServer> StartAsync(string stateRoot, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        var configuration = new Dictionary<string, string?> { [KelosWebhookOptions.SecretVariable] = Secret };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new RecordingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);

        var published = new PublishedEvents();
        var failure = new PublishFailureSwitch();
        var ledger = new FileDeliveryLedger(new StateDirectory(stateRoot), TimeProvider.System);
        builder.Services.AddSingleton(failure);
        builder.Services.AddSingleton<IDeliveryLedger>(ledger);
        builder.Services.AddKelosWebhooks(builder.Configuration);
        builder.Services.AddMassTransit(bus => bus.UsingInMemory((context, cfg) =>
        {
            cfg.UsePublishFilter(typeof(FailingPublishFilter<>), context);
            cfg.ConnectPublishObserver(published);
            cfg.ConfigureEndpoints(context);
        }));

        var app = builder.Build();
        try
        {
            app.MapKelosWebhooks();
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            ledger.Dispose();
            throw;
        }

        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        return new WebhookTestServer(app, ledger, client, published, failure, logs);
    }

    /// <summary>Posts a body as GitHub would: signed with <see cref="Secret"/> unless a signature is given.</summary>
    public Task<HttpResponseMessage> PostAsync(string? eventName, byte[] body, string? deliveryId = null, string? signature = "", string path = KelosWebhookOptions.DefaultPath)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.UserAgent.ParseAdd("GitHub-Hookshot/test");
        if (eventName is not null)
        {
            request.Headers.Add("X-GitHub-Event", eventName);
        }

        request.Headers.Add("X-GitHub-Delivery", deliveryId ?? Guid.NewGuid().ToString());
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature.Length == 0 ? WebhookSigner.Sign(Secret, body) : signature);
        }

        return Client.SendAsync(request);
    }

    public IReadOnlyList<GitHubEventReceived> Messages => Published.Messages;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _ledger.Dispose();
    }
}
