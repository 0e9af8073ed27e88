using MassTransit;
using MassTransit.Middleware.Timeout;
using MassTransit.RabbitMqTransport;
using RabbitMQ.Client.Events;

namespace Kelos.Cli.Hosting.Bus;

/// <summary>
/// When the channel a message came on closes (the broker went away, or closed it), the message can no longer be
/// acknowledged and the broker has taken it back to deliver again, so its handling is cancelled instead of being left
/// to finish, and the cancellation is not a failure: no retry, no redelivery, nothing in <c>_error</c>. Without this, a
/// publish that was waiting for its confirm when the connection dropped can wait for ever (RabbitMQ.Client 7.2,
/// rabbitmq-dotnet-client#1930), and MassTransit restarts a receive endpoint only once every message it had in hand is
/// done: the queue would stop being consumed. The handling is idempotent, so the redelivered message finishes the work.
/// </summary>
internal sealed class ChannelLossFilter<T> : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (!context.ReceiveContext.TryGetPayload(out ChannelContext? channelContext))
        {
            await next.Send(context);
            return;
        }

        var channel = channelContext.Channel;
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        Task OnShutdown(object sender, ShutdownEventArgs e)
        {
            try
            {
                lost.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Handled already.
            }

            return Task.CompletedTask;
        }

        channel.ChannelShutdownAsync += OnShutdown;
        try
        {
            if (channel.IsClosed)
            {
                await lost.CancelAsync();
            }

            await next.Send(new TimeoutConsumeContext<T>(context, lost.Token));
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            // Given up with the channel: the broker delivers the message again.
        }
        finally
        {
            channel.ChannelShutdownAsync -= OnShutdown;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("channelLoss");
}
