using Kelos.Core.Deliveries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kelos.GitHub.Webhooks;

/// <summary>The webhook front end's HTTP surface.</summary>
public static class WebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST {Path}</c> (default <c>/api/github/webhooks</c>) and the probes
    /// (<see cref="HealthEndpointRouteBuilderExtensions.MapKelosHealth"/>). Resolves the options and the ledger now,
    /// so a missing secret or ledger stops the start here with a message rather than failing the first delivery.
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
        endpoints.MapKelosHealth();
        return endpoints;
    }
}
