using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Kelos.Benchmarks.Rabbit;

/// <summary>
/// Proof that a <c>kelos serve</c> given <c>KELOS_RABBITMQ_URL</c> really published through the broker: MassTransit
/// declares an exchange named after the message type it publishes. A build of serve without RabbitMQ support would
/// quietly use its in-memory bus, and the figures would be mislabelled.
/// </summary>
internal static class KelosExchangeCheck
{
    public const string WebhookEventExchange = "Kelos.Contracts:GitHubEventReceived";

    public static async Task EnsurePublishedAsync(Uri url, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = url, ClientProvidedName = "kelos-bench-check" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await channel.ExchangeDeclarePassiveAsync(WebhookEventExchange, cancellationToken);
        }
        catch (OperationInterruptedException e)
        {
            throw new InvalidOperationException(
                $"kelos serve answered, but the exchange {WebhookEventExchange} is not on the broker: this build of kelos serve does not use KELOS_RABBITMQ_URL", e);
        }
    }
}
