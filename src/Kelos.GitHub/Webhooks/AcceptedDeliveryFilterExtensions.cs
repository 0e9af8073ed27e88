using Kelos.Contracts;
using MassTransit;

namespace Kelos.GitHub.Webhooks;

/// <summary>Bus wiring for <see cref="AcceptedDeliveryFilter{T}"/>.</summary>
public static class AcceptedDeliveryFilterExtensions
{
    /// <summary>
    /// Every consumer of <see cref="GitHubEventReceived"/> acts only on deliveries the webhook answered 2xx. Call it
    /// on the bus configurator of any transport, before <c>ConfigureEndpoints</c>.
    /// </summary>
    public static void UseAcceptedDeliveriesOnly(this IConsumePipeConfigurator configurator, IRegistrationContext context) =>
        configurator.UseConsumeFilter(typeof(AcceptedDeliveryFilter<>), context, filter => filter.Include<GitHubEventReceived>());
}
