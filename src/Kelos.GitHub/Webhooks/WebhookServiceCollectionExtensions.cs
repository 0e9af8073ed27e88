using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kelos.GitHub.Webhooks;

/// <summary>Wiring for the webhook front end.</summary>
public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// The webhook endpoint's services and <see cref="KelosWebhookOptions"/>, validated at start: without a secret
    /// (<c>KELOS_WEBHOOK_SECRET</c> or <c>KELOS_WEBHOOK_SECRET_FILE</c>) the host refuses to start. The mode
    /// registers the rest: an <see cref="Kelos.Core.Deliveries.IDeliveryLedger"/> (embedded:
    /// <c>FileDeliveryLedger</c>) and MassTransit (<c>AddMassTransit</c>, whose bus health check makes
    /// <c>/readyz</c>).
    /// </summary>
    public static IServiceCollection AddKelosWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KelosWebhookOptions>().ValidateOnStart();
        services.AddSingleton<IConfigureOptions<KelosWebhookOptions>>(new KelosWebhookOptionsSetup(configuration));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KelosWebhookOptions>, KelosWebhookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookSignatureVerifier>();
        services.TryAddSingleton<WebhookDeliveryProcessor>();
        services.TryAddSingleton<WebhookEndpoint>();
        services.AddHealthChecks();
        return services;
    }
}
