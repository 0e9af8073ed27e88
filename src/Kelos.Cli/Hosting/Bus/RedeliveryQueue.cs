using System.Globalization;
using MassTransit.RabbitMqTransport;

namespace Kelos.Cli.Hosting.Bus;

/// <summary>
/// One delay of delayed redelivery on RabbitMQ, with no plugin: a durable fanout exchange and a durable queue of the
/// same name (<c>kelos-redelivery-15s</c>), whose <c>x-message-ttl</c> is the delay and whose dead-letter exchange is
/// the default exchange, and which nobody consumes. A message sent to it with the routing key <c>Q</c> waits out the
/// delay, expires, and is dead-lettered by its own routing key through the default exchange: straight back into
/// queue <c>Q</c>. One queue per delay, because RabbitMQ expires only the message at the head of a queue.
/// </summary>
internal sealed record RedeliveryQueue(string Name, TimeSpan Delay)
{
    public static RedeliveryQueue For(TimeSpan delay) => new("kelos-redelivery-" + Suffix(delay), delay);

    /// <summary>Declares the exchange, the queue and their binding; declaring what exists already changes nothing.</summary>
    public async Task DeclareAsync(ChannelContext channel, CancellationToken cancellationToken)
    {
        var arguments = new Dictionary<string, object>
        {
            ["x-message-ttl"] = (long)Delay.TotalMilliseconds,
            ["x-dead-letter-exchange"] = string.Empty,
        };
        await channel.ExchangeDeclare(Name, "fanout", durable: true, autoDelete: false, new Dictionary<string, object>(), cancellationToken);
        await channel.QueueDeclare(Name, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken);
        await channel.QueueBind(Name, Name, string.Empty, new Dictionary<string, object>(), cancellationToken);
    }

    private static string Suffix(TimeSpan delay) =>
        delay.TotalMinutes >= 1 && delay.TotalSeconds % 60 == 0
            ? ((long)delay.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m"
            : ((long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";
}
