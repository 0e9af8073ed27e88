using Kelos.GitHub.Webhooks;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Kelos.Cli.Hosting.Bus;

/// <summary>
/// The bus of every Kelos process: RabbitMQ when a URL is given (a deployment), else the in-memory transport. The
/// same consumers and the same treatment on both: queue names from <see cref="KelosEndpointNameFormatter"/>, a
/// concurrency limit per consumer, immediate retries, delayed redelivery of transient faults, and MassTransit's
/// <c>_error</c> queue (with the exception in its headers) for whatever still fails. docs/messaging.md explains it.
/// </summary>
public static class KelosBus
{
    /// <summary>Registers MassTransit with the consumers <paramref name="addConsumers"/> adds.</summary>
    public static IServiceCollection AddKelosBus(this IServiceCollection services, Uri? rabbitMqUrl, KelosBusOptions options, Action<IBusRegistrationConfigurator> addConsumers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(addConsumers);
        var queues = new RedeliveryQueues(options.RedeliveryDelays);
        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(KelosEndpointNameFormatter.Instance);
            addConsumers(bus);
            bus.AddConfigureEndpointsCallback((_, _, endpoint) => ConfigureEndpoint(endpoint, options, queues));
            if (rabbitMqUrl is { } url)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    // Durable exchanges and queues and persistent messages are MassTransit's defaults on RabbitMQ; a
                    // publish returns once the broker confirmed it, which is what lets the webhook answer 202.
                    cfg.Host(url, host => host.PublisherConfirmation = true);
                    cfg.UseAcceptedDeliveriesOnly(context);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.UseAcceptedDeliveriesOnly(context);
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        return services;
    }

    private static void ConfigureEndpoint(IReceiveEndpointConfigurator endpoint, KelosBusOptions options, RedeliveryQueues queues)
    {
        endpoint.ConcurrentMessageLimit = options.ConcurrentMessageLimit;

        // Outermost: a transient fault that outlived the immediate retries goes back through the broker, later.
        Action<IRedeliveryConfigurator> redelivery = r =>
        {
            r.Handle<Exception>(TransientFaults.IsTransient);
            r.Intervals([.. options.RedeliveryDelays]);
        };
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = options.ConcurrentMessageLimit;
            // Outside everything: a message whose channel closed is given back to the broker, not retried.
            _ = new ChannelLossConfigurationObserver(endpoint);
            _ = new TtlRedeliveryConfigurationObserver(endpoint, redelivery, queues);
        }
        else
        {
            endpoint.UseDelayedRedelivery(redelivery);
        }

        // Innermost: every consumer is idempotent, so trying again at once never starts, posts or reacts twice.
        endpoint.UseMessageRetry(r => r.Immediate(options.ImmediateRetries));
    }
}
