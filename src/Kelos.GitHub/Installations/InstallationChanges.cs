using Kelos.Core.Installations;

namespace Kelos.GitHub.Installations;

/// <summary>How a recorded installation changes: the same instance back when nothing did, so nothing is written.</summary>
public static class InstallationChanges
{
    /// <summary>The record after GitHub described the installation as <paramref name="now"/>, at <paramref name="at"/>.</summary>
    public static InstallationRecord Apply(InstallationRecord? current, InstallationSnapshot now, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(now);
        var next = new InstallationRecord(
            now.Id,
            now.Account,
            now.AccountType,
            now.RepositorySelection,
            now.Repositories ?? current?.Repositories ?? [],
            now.Suspended,
            current?.CreatedAt ?? at,
            at);
        return current is not null && current.SameStateAs(next) ? current : next;
    }

    /// <summary>The record after the App was uninstalled at <paramref name="at"/>; null when it was never recorded.</summary>
    public static InstallationRecord? Removed(InstallationRecord? current, DateTimeOffset at) =>
        current is null || current.RemovedAt is not null ? current : current with { RemovedAt = at, UpdatedAt = at };
}
