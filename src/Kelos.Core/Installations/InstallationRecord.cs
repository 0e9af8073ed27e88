namespace Kelos.Core.Installations;

/// <summary>
/// Where the GitHub App is installed, as Kelos last recorded it from <c>installation</c> and
/// <c>installation_repositories</c> events. An uninstalled App keeps its record, marked removed.
/// </summary>
/// <param name="Id">GitHub's installation id (what every webhook payload carries).</param>
/// <param name="Account">The login of the organization or user the App is installed on.</param>
/// <param name="AccountType"><c>Organization</c> or <c>User</c>.</param>
/// <param name="RepositorySelection"><c>all</c> (every repository of the account, now and later) or <c>selected</c>.</param>
/// <param name="Repositories">The repositories the installation may touch, as <c>owner/name</c>, sorted.</param>
/// <param name="Suspended">Whether the account suspended the installation (GitHub then refuses its tokens).</param>
/// <param name="CreatedAt">When Kelos first recorded the installation.</param>
/// <param name="UpdatedAt">When Kelos last recorded a change to it.</param>
/// <param name="RemovedAt">When the App was uninstalled; null while installed.</param>
public sealed record InstallationRecord(
    long Id,
    string Account,
    string AccountType,
    string RepositorySelection,
    IReadOnlyList<string> Repositories,
    bool Suspended,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RemovedAt = null)
{
    /// <summary><see cref="InstallationStatus.Removed"/>, <see cref="InstallationStatus.Suspended"/> or <see cref="InstallationStatus.Active"/>.</summary>
    public string Status => RemovedAt is not null ? InstallationStatus.Removed : Suspended ? InstallationStatus.Suspended : InstallationStatus.Active;

    /// <summary>Whether the two describe the same installation state, timestamps aside.</summary>
    public bool SameStateAs(InstallationRecord other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Id == other.Id && Account == other.Account && AccountType == other.AccountType
            && RepositorySelection == other.RepositorySelection && Repositories.SequenceEqual(other.Repositories)
            && Suspended == other.Suspended && (RemovedAt is null) == (other.RemovedAt is null);
    }
}
