namespace Kelos.Core.Deliveries;

/// <summary>What became of a webhook delivery, as the delivery ledger knows it.</summary>
public enum DeliveryState
{
    /// <summary>
    /// Never recorded (or long forgotten), or recorded but never concluded within
    /// <see cref="IDeliveryLedger.PendingLimit"/> (the process died while publishing, or could not write the outcome):
    /// the ledger cannot say it was refused, so a message of it is acted on.
    /// </summary>
    Unknown,

    /// <summary>Recorded and being published; the answer to GitHub is not decided yet.</summary>
    Pending,

    /// <summary>Published, confirmed by the broker, answered 2xx: GitHub counts it delivered.</summary>
    Accepted,

    /// <summary>
    /// Answered 5xx because the publish failed: GitHub counts it failed and delivers it again when asked, so a copy
    /// that reached the broker anyway (the confirm was lost, or came too late) must not be acted on.
    /// </summary>
    Refused,
}
