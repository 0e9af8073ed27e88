using MassTransit;

namespace Kelos.Cli.Hosting.Bus;

/// <summary>Puts a <see cref="TtlRedeliveryContext{T}"/> on each consume context, for MassTransit's redelivery retry to use.</summary>
internal sealed class TtlRedeliveryFilter<T>(RedeliveryOptions options, RedeliveryQueues queues) : IFilter<ConsumeContext<T>>
    where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        context.GetOrAddPayload<MessageRedeliveryContext>(() => new TtlRedeliveryContext<T>(context, options, queues));
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("redeliveryQueues");
}
