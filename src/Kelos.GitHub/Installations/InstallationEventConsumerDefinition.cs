using MassTransit;

namespace Kelos.GitHub.Installations;

/// <summary>
/// GitHub calls can fail for a moment (a 5xx, a secondary rate limit): retry a few times, spaced out, before the
/// message ends in the error queue. Every attempt reads GitHub afresh, so a retry records the latest state.
/// </summary>
public sealed class InstallationEventConsumerDefinition : ConsumerDefinition<InstallationEventConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<InstallationEventConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        endpointConfigurator.UseMessageRetry(r => r.Intervals(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)));
    }
}
