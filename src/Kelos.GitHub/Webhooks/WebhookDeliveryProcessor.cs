using System.Text.Json;
using Kelos.Core.Deliveries;
using Kelos.GitHub.Webhooks.Normalization;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kelos.GitHub.Webhooks;

/// <summary>
/// What happens to a verified delivery, in order: is it JSON; is it <c>ping</c>; does Kelos handle its event and
/// action; does the payload fit its event; is it new (delivery id and event identity, in the ledger); then publish.
/// No GitHub API is called here. The answer is 202 only once the broker has confirmed the publish and the ledger
/// holds the delivery as accepted. When publishing fails (the broker is down or slow past
/// <see cref="KelosWebhookOptions.PublishTimeout"/>) the ledger marks it refused and the answer is 503, so GitHub
/// shows the delivery as failed, its redelivery is taken in as new, and a copy that reached the broker anyway is
/// not acted on (<see cref="AcceptedDeliveryFilter{T}"/>).
/// </summary>
internal sealed class WebhookDeliveryProcessor(
    IDeliveryLedger ledger,
    TimeProvider time,
    IOptions<KelosWebhookOptions> options,
    ILogger<WebhookDeliveryProcessor> logger)
{
    private const int MaxReasonLength = 300;
    private readonly string? _ownBot = string.IsNullOrWhiteSpace(options.Value.AppSlug) ? null : options.Value.AppSlug + "[bot]";

    public async Task<WebhookOutcome> ProcessAsync(WebhookDelivery delivery, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        if (!WebhookPayloadScanner.TryScan(delivery.Body, out var action, out var problem))
        {
            return WebhookOutcome.BadRequest(problem);
        }

        if (delivery.Event == WebhookEventNames.Ping)
        {
            return WebhookOutcome.Pong();
        }

        if (!HandledWebhookEvents.IsHandledEvent(delivery.Event))
        {
            return WebhookOutcome.Ignored($"Kelos does not handle {delivery.Event} events");
        }

        if (action is null)
        {
            return WebhookOutcome.BadRequest($"{delivery.Event} payload has no action");
        }

        if (!HandledWebhookEvents.IsHandled(delivery.Event, action))
        {
            return WebhookOutcome.Ignored($"Kelos does not handle {delivery.Event} {action}");
        }

        var receivedAt = time.GetUtcNow();
        NormalizedWebhook normalized;
        try
        {
            normalized = WebhookNormalizer.Normalize(new WebhookEnvelope(delivery.DeliveryId, delivery.Event, action, receivedAt), delivery.Body);
        }
        catch (Exception e) when (e is JsonException or InvalidWebhookPayloadException)
        {
            return WebhookOutcome.BadRequest(Shorten($"not a valid {delivery.Event} {action} payload: {Describe(e)}"));
        }

        if (_ownBot is not null && string.Equals(normalized.Message.Sender.Login, _ownBot, StringComparison.OrdinalIgnoreCase))
        {
            return WebhookOutcome.Ignored($"sent by this App ({_ownBot})");
        }

        try
        {
            if (!ledger.TryRecord(delivery.DeliveryId, normalized.Identity, receivedAt))
            {
                return WebhookOutcome.Duplicate();
            }
        }
        catch (Exception e) when (e is IOException or TimeoutException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Delivery {DeliveryId}: the delivery ledger is unavailable", delivery.DeliveryId);
            return WebhookOutcome.Unavailable("delivery ledger unavailable; redeliver later");
        }

        return await PublishAsync(delivery, normalized, publisher, cancellationToken);
    }

    private async Task<WebhookOutcome> PublishAsync(WebhookDelivery delivery, NormalizedWebhook normalized, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        try
        {
            // On RabbitMQ this returns when the broker confirmed the message (publisher confirms); in memory, at once.
            // Bounded here and not only through the token: while the broker restarts, a publish can wait for a
            // connection past its cancellation, and GitHub gives up after 10 s.
            var publishing = publisher.Publish(normalized.Message, timeout.Token);
            _ = publishing.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            await publishing.WaitAsync(timeout.Token);
        }
        catch (Exception e)
        {
            // Whatever the transport throws (broker down, timeout, a filter), the delivery must fail visibly on
            // GitHub and stay redeliverable.
            logger.LogError(e, "Delivery {DeliveryId} ({Event} {Action}) could not be published; answering 503 so it can be redelivered",
                delivery.DeliveryId, delivery.Event, normalized.Message.Action);
            ForgetQuietly(delivery.DeliveryId, normalized.Identity);
            return WebhookOutcome.Unavailable("could not publish the event; redeliver later");
        }

        try
        {
            ledger.Accept(delivery.DeliveryId, normalized.Identity);
        }
        catch (Exception e) when (e is IOException or TimeoutException or UnauthorizedAccessException)
        {
            // The message is on the broker and will be acted on (an unconcluded delivery is, after the pending
            // limit); only a redelivery would now be taken in again, which the idempotent consumers absorb.
            logger.LogError(e, "Delivery {DeliveryId}: published, but the ledger could not mark it accepted", delivery.DeliveryId);
        }

        return WebhookOutcome.Accepted();
    }

    private void ForgetQuietly(string deliveryId, string identity)
    {
        try
        {
            ledger.Forget(deliveryId, identity);
        }
        catch (Exception e) when (e is IOException or TimeoutException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Delivery {DeliveryId} could not be marked refused: a redelivery within 30 s is taken for a duplicate, and a copy that reached the broker is acted on", deliveryId);
        }
    }

    /// <summary>The first sentence of the error and where in the payload it is; not the serializer's advice to developers.</summary>
    private static string Describe(Exception e)
    {
        var message = e.Message;
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        var sentence = (end < 0 ? message : message[..end]).TrimEnd('.');
        return e is JsonException { Path: { } path } ? $"{sentence} (at {path})" : sentence;
    }

    private static string Shorten(string reason) => reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength] + "…";
}
