using MassTransit;

namespace Kelos.GitHub.Webhooks.Tests;

/// <summary>A publish filter that throws while <see cref="PublishFailureSwitch.Fail"/> is on, and waits for cancellation while <see cref="PublishFailureSwitch.Hang"/> is.</summary>
public sealed class FailingPublishFilter<T>(PublishFailureSwitch failure) : IFilter<PublishContext<T>> where T : class
{
    public async Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next)
    {
        if (failure.Hang)
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }

        if (failure.Fail)
        {
            throw new InvalidOperationException("the broker is down (test)");
        }

        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("failing-publish");
}
