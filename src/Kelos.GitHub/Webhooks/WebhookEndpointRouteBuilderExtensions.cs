using Kelos.Core.Deliveries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Kelos.GitHub.Webhooks;

/// <summary>The webhook front end's HTTP surface.</summary>
public static class WebhookEndpointRouteBuilderExtensions
{
    /// <summary>The tag of the health checks <c>/readyz</c> runs; MassTransit tags its bus check with it.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Maps <c>POST {Path}</c> (default <c>/api/github/webhooks</c>), <c>GET /healthz</c> (200 while the process
    /// runs) and <c>GET /readyz</c> (200 when every check tagged <c>ready</c>, the MassTransit bus among them, is
    /// healthy; 503 otherwise). Resolves the options and the ledger now, so a missing secret or ledger stops the
    /// start here with a message rather than failing the first delivery.
    /// </summary>
    /// <exception cref="OptionsValidationException">No webhook secret, or a bad limit.</exception>
    /// <exception cref="InvalidOperationException">No <see cref="IDeliveryLedger"/> registered.</exception>
    public static IEndpointRouteBuilder MapKelosWebhooks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var options = services.GetRequiredService<IOptions<KelosWebhookOptions>>().Value;
        if (services.GetService<IDeliveryLedger>() is null)
        {
            throw new InvalidOperationException(
                "The webhook endpoint needs an IDeliveryLedger to remember deliveries: register one (embedded mode: FileDeliveryLedger in the state directory).");
        }

        var endpoint = services.GetRequiredService<WebhookEndpoint>();
        endpoints.MapPost(options.Path, endpoint.HandleAsync).WithName("GitHubWebhooks");
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return endpoints;
    }
}
