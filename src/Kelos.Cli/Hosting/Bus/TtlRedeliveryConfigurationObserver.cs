using MassTransit;
using MassTransit.Configuration;

namespace Kelos.Cli.Hosting.Bus;

/// <summary>
/// MassTransit's scheduled-redelivery wiring for every message type of an endpoint, with the redelivery queues in
/// place of a message scheduler: the retry policy decides when, <see cref="TtlRedeliveryContext{T}"/> how.
/// </summary>
internal sealed class TtlRedeliveryConfigurationObserver(IConsumePipeConfigurator configurator, Action<IRedeliveryConfigurator> configure, RedeliveryQueues queues)
    : ScheduledRedeliveryConfigurationObserver(configurator, configure)
{
    protected override IRedeliveryPipeSpecification AddRedeliveryPipeSpecification<TMessage>(IConsumePipeConfigurator configurator)
    {
        var specification = new TtlRedeliveryPipeSpecification<TMessage>(queues);
        configurator.AddPipeSpecification(specification);
        return specification;
    }
}
