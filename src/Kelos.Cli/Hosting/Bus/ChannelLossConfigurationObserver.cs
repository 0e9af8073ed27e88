using MassTransit;
using MassTransit.Configuration;

namespace Kelos.Cli.Hosting.Bus;

/// <summary>Puts <see cref="ChannelLossFilter{T}"/> on every message type of an endpoint, outside its redelivery and retries.</summary>
internal sealed class ChannelLossConfigurationObserver : ConfigurationObserver, IMessageConfigurationObserver
{
    public ChannelLossConfigurationObserver(IConsumePipeConfigurator configurator)
        : base(configurator)
    {
        Connect(this);
    }

    public void MessageConfigured<TMessage>(IConsumePipeConfigurator configurator)
        where TMessage : class =>
        configurator.AddPipeSpecification(new FilterPipeSpecification<ConsumeContext<TMessage>>(new ChannelLossFilter<TMessage>()));
}
