namespace Kelos.Core.Deliveries;

/// <summary>
/// The webhook deliveries Kelos has accepted, remembered durably so a redelivery (same <c>X-GitHub-Delivery</c>)
/// or the same event arriving twice under different delivery ids (App webhook plus repository webhook) is
/// published only once, even across a restart. Entries are kept for <see cref="Retention"/> (GitHub redelivers
/// for 3 days) and pruned after that.
/// </summary>
public interface IDeliveryLedger
{
    /// <summary>How long a delivery id or event identity is remembered: 7 days.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    /// <summary>
    /// Records a delivery and the identity of its event (e.g. <c>issue_comment:created:123</c>), unless either
    /// was recorded within the retention before <paramref name="at"/>: then nothing is recorded and the answer
    /// is false.
    /// </summary>
    /// <returns>True when both are new and now recorded; false for a duplicate.</returns>
    bool TryRecord(string deliveryId, string eventIdentity, DateTimeOffset at);

    /// <summary>
    /// Undoes <see cref="TryRecord"/> for a delivery that could not be published, so its redelivery is accepted.
    /// </summary>
    void Forget(string deliveryId, string eventIdentity);
}
