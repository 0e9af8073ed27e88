namespace Kelos.GitHub.Auth;

/// <summary>Mints installation access tokens: the seam between Kelos and GitHub's token endpoint.</summary>
public interface IInstallationTokenSource
{
    /// <summary>
    /// Creates a token for <paramref name="installationId"/>, narrowed to <paramref name="repositories"/> (names
    /// without owner) and <paramref name="permissions"/> when given; otherwise with all the installation has.
    /// </summary>
    Task<InstallationAccessToken> CreateAsync(
        long installationId,
        IReadOnlyCollection<string>? repositories,
        IReadOnlyDictionary<string, string>? permissions,
        CancellationToken cancellationToken);
}
