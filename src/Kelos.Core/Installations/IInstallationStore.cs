namespace Kelos.Core.Installations;

/// <summary>
/// The App's installations, kept durably (the state directory in embedded mode). Written by the consumer of
/// installation events, read by <c>kelos get installations</c>.
/// </summary>
public interface IInstallationStore
{
    /// <summary>Every recorded installation, removed ones included, by id.</summary>
    IReadOnlyList<InstallationRecord> List();

    /// <summary>The installation with <paramref name="id"/>, or null when none was recorded.</summary>
    InstallationRecord? Find(long id);

    /// <summary>
    /// Reads, changes and writes one installation under the store's lock, so concurrent events for the same
    /// installation do not lose each other's changes. <paramref name="change"/> gets the current record (null when
    /// none) and returns the new one, or the same instance (or null) to leave it as it is. Returns what is stored afterwards.
    /// </summary>
    InstallationRecord? Update(long id, Func<InstallationRecord?, InstallationRecord?> change);
}
