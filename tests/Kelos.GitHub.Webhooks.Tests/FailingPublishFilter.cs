using MassTransit;

namespace Kelos.GitHub.Webhooks.Tests;

/// <summary>A publish filter that throws while <see cref="PublishFailureSwitch.Fail"/> is on.</summary>
public sealed class FailingPublishFilter<T>(PublishFailureSwitch failure) : IFilter<PublishContext<T>> where T : class
{
    public Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next) =>
        failure.Fail ? throw new InvalidOperationException("the broker is down (test)") : next.Send(context);

    public void Probe(ProbeContext context) => context.CreateFilterScope("failing-publish");
}
