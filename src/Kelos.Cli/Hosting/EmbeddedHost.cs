using Kelos.Cli.Hosting.Bus;
using Kelos.Controller;
using Kelos.Core.Deliveries;
using Kelos.Core.Installations;
using Kelos.Core.Runtime;
using Kelos.Core.Store;
using Kelos.GitHub;
using Kelos.GitHub.Replies;
using Kelos.GitHub.Reporting;
using Kelos.GitHub.Webhooks;
using Kelos.Runtime.Local;
using Kelos.Runtime.Local.Deliveries;
using Kelos.Runtime.Local.Installations;
using Kelos.Runtime.Local.Runs;
using Kelos.Runtime.Local.Sandbox;
using Kelos.Runtime.Local.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

namespace Kelos.Cli.Hosting;

/// <summary>
/// Embedded mode in one process: the state directory as the store, local processes as the runtime, the
/// MassTransit in-memory bus, and the controller. When GitHub is configured (a webhook secret or an App id),
/// <c>kelos serve</c> also hosts the webhook endpoint. <c>kelos run</c> runs it while its Task is unfinished.
/// </summary>
public static class EmbeddedHost
{
    public static IHost Build(EmbeddedHostSettings settings)
    {
        var state = settings.State;
        state.EnsureCreated();
        if (settings.Urls is not null && GitHubSettings.IsConfigured())
        {
            var web = WebApplication.CreateBuilder();
            web.WebHost.UseUrls(settings.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries));
            AddEmbedded(web, settings, gitHub: true);
            web.Services.AddSingleton<IDeliveryLedger>(sp => new FileDeliveryLedger(state, sp.GetRequiredService<TimeProvider>()));
            web.Services.AddKelosWebhooks(web.Configuration);
            web.Services.AddKelosGitHubApp();
            web.Services.AddKelosReporter();
            web.Services.AddSingleton<IInstallationStore, FileInstallationStore>();
            web.Services.AddKelosMetrics();
            var app = web.Build();
            app.MapKelosWebhooks();
            app.MapKelosMetrics();

            // Templates load once at start: one that does not parse stops the start here, naming the file and line.
            app.Services.GetRequiredService<CommentTemplates>();
            app.Services.GetRequiredService<Core.Templating.PromptIncludes>();
            return app;
        }

        var builder = Host.CreateApplicationBuilder();
        AddEmbedded(builder, settings, gitHub: false);
        return builder.Build();
    }

    private static void AddEmbedded(IHostApplicationBuilder builder, EmbeddedHostSettings settings, bool gitHub)
    {
        var state = settings.State;
        builder.Services.AddSerilog(KelosLogging.Create(state, settings.ConsoleLevel), dispose: true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton<IResourceStore, FileResourceStore>();
        builder.Services.AddSingleton<ITaskRuntime>(sp => new LocalTaskRuntime(
            state, sp.GetRequiredService<TimeProvider>(), Bubblewrap.Detect(), sp.GetRequiredService<ILogger<LocalTaskRuntime>>(), sp.GetService<IGitHubTokenIssuer>()));
        builder.Services.AddSingleton<IControllerLease>(new FileControllerLease(state, settings.Role));
        builder.Services.AddSingleton<ITaskLogs, LocalTaskLogs>();
        builder.Services.AddSingleton<IReportState, FileReportState>();
        builder.Services.AddKelosController(o =>
        {
            o.MaxParallel = settings.MaxParallel;
            o.OnlyTask = settings.OnlyTask;
        });
        if (settings.ConfigDirectory is not null)
        {
            builder.Services.AddConfigDirectory(settings.ConfigDirectory);
        }

        builder.Services.AddKelosBus(settings.RabbitMqUrl, KelosBusOptions.FromEnvironment(), bus =>
        {
            bus.AddControllerConsumers();
            if (gitHub)
            {
                bus.AddGitHubConsumers();
            }
        });
    }
}
