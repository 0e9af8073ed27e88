namespace Kelos.Testing.GitHub;

/// <summary>An installation token the stand-in issued, and what it may touch.</summary>
/// <param name="Token">The token text (a test value).</param>
/// <param name="InstallationId">The installation it was issued for.</param>
/// <param name="Repositories">Repository names it is narrowed to, or null for all of the installation's.</param>
/// <param name="Permissions">The permissions it carries.</param>
/// <param name="ExpiresAt">One hour after it was issued.</param>
public sealed record StandInToken(
    string Token,
    long InstallationId,
    IReadOnlyList<string>? Repositories,
    IReadOnlyDictionary<string, string> Permissions,
    DateTimeOffset ExpiresAt);
