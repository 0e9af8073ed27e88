namespace Kelos.Cli.Tests.Messaging;

/// <summary>
/// The tests against a real RabbitMQ broker run one at a time: each starts brokers, <c>kelos serve</c> and hundreds
/// of deliveries, and two of them at once on two cores would mostly measure each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrokerTests
{
    public const string Name = "RabbitMQ broker";
}
