using MassTransit;
using MassTransit.RabbitMqTransport;
using MassTransit.Serialization;

namespace Kelos.Cli.Hosting.Bus;

/// <summary>
/// MassTransit's redelivery, done with a <see cref="RedeliveryQueue"/> instead of the delayed-message exchange plugin
/// (which Debian's RabbitMQ lacks): the message, with its headers and the redelivery count, is sent to the queue for
/// the delay with the consumer's queue as routing key, and comes back to that queue when the delay has passed.
/// The send is mandatory and confirmed, so a message is never acknowledged before its redelivery is safe.
/// </summary>
internal sealed class TtlRedeliveryContext<T>(ConsumeContext<T> context, RedeliveryOptions options, RedeliveryQueues queues) : MessageRedeliveryContext
    where T : class
{
    public async Task ScheduleRedelivery(TimeSpan delay, Action<ConsumeContext, SendContext>? callback = null)
    {
        if (!context.ReceiveContext.TryGetPayload(out ChannelContext? channel))
        {
            throw new InvalidOperationException("Delayed redelivery through redelivery queues needs a RabbitMQ receive endpoint");
        }

        var queue = queues.For(delay);
        var target = context.ReceiveContext.InputAddress.AbsolutePath.Split('/')[^1];
        await queue.DeclareAsync(channel, context.CancellationToken);

        var pipe = Pipe.Execute<SendContext<T>>(send =>
        {
            send.ApplyRedeliveryOptions(context, options);
            callback?.Invoke(context, send);
            send.SetRoutingKey(target);
            if (send is RabbitMqSendContext rabbit)
            {
                rabbit.Mandatory = true;
            }
        });
        var endpoint = await context.GetSendEndpoint(new Uri($"exchange:{queue.Name}"));
        await endpoint.Send(context.Message, new ForwardMessagePipe<T>(context, pipe), context.CancellationToken);
    }
}
