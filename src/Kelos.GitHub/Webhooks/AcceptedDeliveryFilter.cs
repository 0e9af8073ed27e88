using System.Diagnostics;
using Kelos.Contracts;
using Kelos.Core.Deliveries;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kelos.GitHub.Webhooks;

/// <summary>
/// Hands a <see cref="GitHubEventReceived"/> to its consumers only if GitHub was told its delivery was accepted.
/// A publish can reach the broker although the webhook answered 503 (the confirm was lost when the broker went
/// down, or came after the publish timeout); GitHub shows that delivery as failed and will deliver it again, so
/// acting on the stray copy would do what GitHub believes was never taken. While the webhook is still deciding
/// (the delivery is pending, which is usual: the message can arrive before the confirm), this waits for the
/// answer, at most until <see cref="IDeliveryLedger.PendingLimit"/> after the delivery was recorded. A delivery
/// the ledger does not know (another process's ledger, none, or one whose process died before it answered) is
/// acted on. Other messages pass untouched.
/// </summary>
/// <remarks>Registered for every consumer by <see cref="AcceptedDeliveryFilterExtensions.UseAcceptedDeliveriesOnly"/>.</remarks>
public sealed class AcceptedDeliveryFilter<T>(IServiceProvider services, ILogger<AcceptedDeliveryFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Message is not GitHubEventReceived received || services.GetService<IDeliveryLedger>() is not { } ledger)
        {
            await next.Send(context);
            return;
        }

        var clock = Stopwatch.StartNew();
        var state = await ledger.SettledStateAsync(received.DeliveryId, context.CancellationToken);
        if (state != DeliveryState.Refused)
        {
            await next.Send(context);
            return;
        }

        logger.LogWarning("Delivery {DeliveryId} ({Event} {Action}) was answered 503, so its event is not acted on; GitHub's redelivery will bring it again",
            received.DeliveryId, received.Event, received.Action);
        // Consumed, not skipped: the copy is settled here and must not pile up in a _skipped queue.
        await context.NotifyConsumed(context, clock.Elapsed, TypeCache<AcceptedDeliveryFilter<T>>.ShortName);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("acceptedDeliveries");
}
