namespace Kelos.Core.Deliveries;

/// <summary>What became of a webhook delivery, as the delivery ledger knows it.</summary>
public enum DeliveryState
{
    /// <summary>Never recorded (or long forgotten): not a delivery this ledger took in.</summary>
    Unknown,

    /// <summary>Recorded and being published; the answer to GitHub is not decided yet.</summary>
    Pending,

    /// <summary>Published, confirmed by the broker, answered 2xx: GitHub counts it delivered.</summary>
    Accepted,

    /// <summary>
    /// Answered 5xx (the publish failed), or its publish never ended (the process died): GitHub counts it failed and
    /// will deliver it again when asked, so a message that reached the bus anyway must not be acted on.
    /// </summary>
    Refused,
}
