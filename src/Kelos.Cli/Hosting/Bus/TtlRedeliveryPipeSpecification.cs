using MassTransit;
using MassTransit.Configuration;

namespace Kelos.Cli.Hosting.Bus;

/// <summary>Adds <see cref="TtlRedeliveryFilter{T}"/> to a message's consume pipe.</summary>
internal sealed class TtlRedeliveryPipeSpecification<T>(RedeliveryQueues queues) : IPipeSpecification<ConsumeContext<T>>, IRedeliveryPipeSpecification
    where T : class
{
    public RedeliveryOptions Options { get; set; }

    public void Apply(IPipeBuilder<ConsumeContext<T>> builder) => builder.AddFilter(new TtlRedeliveryFilter<T>(Options, queues));

    public IEnumerable<ValidationResult> Validate() => [];
}
