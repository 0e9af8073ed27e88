namespace Kelos.Testing.GitHub;

/// <summary>An installation of the stand-in's App on an account.</summary>
/// <param name="Id">The installation id (what webhook payloads carry as <c>installation.id</c>).</param>
/// <param name="Account">The login of the organization or user the App is installed on.</param>
/// <param name="AccountType"><c>Organization</c> or <c>User</c>.</param>
/// <param name="Repositories">Names (without owner) of the repositories the installation may touch.</param>
/// <param name="Permissions">What the installation was granted, e.g. <c>issues: write</c>.</param>
/// <param name="SuspendedAt">When the account suspended it (GitHub then refuses its tokens); null while active.</param>
public sealed record StandInInstallation(
    long Id,
    string Account,
    string AccountType,
    IReadOnlyList<string> Repositories,
    IReadOnlyDictionary<string, string> Permissions,
    DateTimeOffset? SuspendedAt = null);
