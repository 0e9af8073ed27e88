using Kelos.Cli.Hosting.Bus;
using Kelos.Controller;
using Kelos.Core.Deliveries;
using Kelos.Core.Installations;
using Kelos.GitHub;
using Kelos.GitHub.Replies;
using Kelos.GitHub.Reporting;
using Kelos.GitHub.Webhooks;
using Kelos.Runtime.Kubernetes;
using Kelos.Runtime.Local.Deliveries;
using Kelos.Runtime.Local.Installations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;

namespace Kelos.Cli.Hosting;

/// <summary>
/// <c>kelos serve --role webhook|controller|reporter</c> (or every role against a cluster): the processes of a
/// deployment. Each serves <c>/healthz</c> and <c>/readyz</c> on <c>--urls</c> and holds only what its role needs:
/// the webhook has the webhook secret and the bus, no Kubernetes and no App key; the controller has the cluster
/// (Tasks as custom resources, runs as Jobs, a Lease) and, when an App is configured, turns webhook events into
/// Tasks; the reporter reads Tasks from the cluster and answers on GitHub. docs/cluster.md lists what each needs.
/// </summary>
public static class RoleHost
{
    public static WebApplication Build(RoleHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var roles = settings.Roles;
        var webhook = roles.HasFlag(ServeRoles.Webhook);
        var controller = roles.HasFlag(ServeRoles.Controller);
        var reporter = roles.HasFlag(ServeRoles.Reporter);
        var app = GitHubSettings.IsAppConfigured();
        if (reporter && !app)
        {
            throw new CliException($"the reporter role answers on GitHub: set {GitHubFrontEndServiceCollectionExtensions.AppIdVariable} and {GitHubFrontEndServiceCollectionExtensions.PrivateKeyFileVariable}");
        }

        if ((controller || reporter) && settings.Cluster is null)
        {
            throw new InvalidOperationException("the controller and reporter roles need a cluster");
        }

        settings.State.EnsureCreated();
        var web = WebApplication.CreateBuilder();
        web.WebHost.UseUrls(settings.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries));
        web.Services.AddSerilog(KelosLogging.Create(settings.State, LogEventLevel.Information), dispose: true);
        web.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        web.Services.AddSingleton(TimeProvider.System);
        web.Services.AddSingleton(settings.State);
        web.Services.AddHealthChecks();
        web.Services.AddKelosMetrics();
        if (webhook)
        {
            web.Services.AddKelosWebhooks(web.Configuration);
            web.Services.AddSingleton<IDeliveryLedger>(sp => new FileDeliveryLedger(settings.State, sp.GetRequiredService<TimeProvider>()));
        }

        if (settings.Cluster is { } cluster && (controller || reporter))
        {
            web.Services.AddKelosKubernetes(cluster);
        }

        if (controller)
        {
            web.Services.AddKelosController(o => o.MaxParallel = settings.MaxParallel);
        }

        var triggers = controller && app;
        if (triggers || reporter)
        {
            web.Services.AddKelosGitHubApp();
        }

        if (triggers)
        {
            web.Services.AddSingleton<IInstallationStore, FileInstallationStore>();
        }

        if (reporter)
        {
            web.Services.AddKelosReporter();
        }

        web.Services.AddKelosBus(settings.RabbitMqUrl, KelosBusOptions.FromEnvironment(), bus =>
        {
            if (controller)
            {
                bus.AddControllerConsumers();
            }

            if (triggers)
            {
                bus.AddGitHubTriggerConsumers();
            }

            if (reporter)
            {
                bus.AddGitHubReporterConsumers();
            }
        });

        var host = web.Build();
        if (webhook)
        {
            host.MapKelosWebhooks();
        }
        else
        {
            host.MapKelosHealth();
        }

        host.MapKelosMetrics();
        if (triggers || reporter)
        {
            // Templates load once at start: one that does not parse stops the start here, naming the file and line.
            host.Services.GetRequiredService<CommentTemplates>();
            host.Services.GetRequiredService<Core.Templating.PromptIncludes>();
        }

        return host;
    }
}
