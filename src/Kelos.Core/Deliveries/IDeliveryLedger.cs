namespace Kelos.Core.Deliveries;

/// <summary>
/// The webhook deliveries Kelos has taken in, remembered durably so a redelivery (same <c>X-GitHub-Delivery</c>)
/// or the same event arriving twice under different delivery ids (App webhook plus repository webhook) is
/// published only once, even across a restart; and what became of each, so that only what GitHub was told was
/// accepted is acted on. Entries are kept for <see cref="Retention"/> (GitHub redelivers for 3 days) and pruned
/// after that.
/// </summary>
/// <remarks>
/// The webhook's protocol: <see cref="TryRecord"/> (pending), publish and wait for the broker's confirm, then
/// <see cref="Accept"/> and answer 202 — or <see cref="Forget"/> and answer 503. A message can reach the broker
/// even though its publish failed (the confirm was lost with the connection, or came after the timeout), so
/// consumers ask <see cref="StateOf"/> and act only on accepted deliveries.
/// </remarks>
public interface IDeliveryLedger
{
    /// <summary>How long a delivery id or event identity is remembered: 7 days.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a recorded delivery may stay pending: 30 s, well over the publish timeout (less than GitHub's 10 s).
    /// One still pending after that was never concluded (its process died while publishing): its redelivery is taken
    /// in as new, and a message of it that reached the broker is acted on (<see cref="DeliveryState.Unknown"/>); the
    /// consumers are idempotent, so acting on both costs nothing twice.
    /// </summary>
    public static readonly TimeSpan PendingLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Records a delivery and the identity of its event (e.g. <c>issue_comment:created:123</c>) as pending, unless
    /// either was accepted within the retention before <paramref name="at"/>, or is pending within
    /// <see cref="PendingLimit"/>: then nothing is recorded and the answer is false.
    /// </summary>
    /// <returns>True when both are new and now recorded; false for a duplicate.</returns>
    bool TryRecord(string deliveryId, string eventIdentity, DateTimeOffset at);

    /// <summary>Marks a recorded delivery accepted: its publish was confirmed, and it is answered 2xx.</summary>
    void Accept(string deliveryId, string eventIdentity);

    /// <summary>
    /// Marks a recorded delivery refused: it could not be published and is answered 5xx. Its redelivery is taken in
    /// as new, and a message of it that reached the bus anyway is not acted on.
    /// </summary>
    void Forget(string deliveryId, string eventIdentity);

    /// <summary>What became of a delivery as of <paramref name="now"/>; a pending one older than <see cref="PendingLimit"/> is unknown.</summary>
    DeliveryState StateOf(string deliveryId, DateTimeOffset now);

    /// <summary>
    /// What became of a delivery once it is no longer pending: at once when it is not, else as soon as the webhook
    /// concludes it (accepted or refused) or the pending limit passes (unknown). A consumer whose message arrived
    /// before the broker's confirm reached the webhook waits here for the webhook's answer.
    /// </summary>
    Task<DeliveryState> SettledStateAsync(string deliveryId, CancellationToken cancellationToken);
}
