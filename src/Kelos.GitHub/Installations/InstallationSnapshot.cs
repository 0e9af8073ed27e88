namespace Kelos.GitHub.Installations;

/// <summary>An installation as GitHub describes it now.</summary>
/// <param name="Repositories">The repositories it covers (<c>owner/name</c>, sorted); null when they could not be listed (suspended).</param>
public sealed record InstallationSnapshot(
    long Id,
    string Account,
    string AccountType,
    string RepositorySelection,
    IReadOnlyList<string>? Repositories,
    bool Suspended);
