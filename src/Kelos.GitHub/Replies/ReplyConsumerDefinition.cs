using Kelos.Contracts;
using MassTransit;

namespace Kelos.GitHub.Replies;

/// <summary>
/// Requests with the same <see cref="ReplyRequest.Key"/> are handled one after another within a process (MassTransit's
/// partitioner): two copies of one request (the republish of a retried consumer, a redelivery) can then never both
/// look for the marker before either has posted, so one answer is posted. Copies handled at the same moment by two
/// processes can still race; one process runs the reply consumer in embedded mode.
/// </summary>
public sealed class ReplyConsumerDefinition : ConsumerDefinition<ReplyConsumer>
{
    /// <summary>Enough lanes for unrelated answers to go out side by side.</summary>
    public const int Partitions = 8;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ReplyConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(consumerConfigurator);
        consumerConfigurator.Message<ReplyRequest>(m => m.UsePartitioner(Partitions, c => c.Message.Key));
    }
}
