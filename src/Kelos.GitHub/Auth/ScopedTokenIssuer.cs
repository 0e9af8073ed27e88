namespace Kelos.GitHub.Auth;

/// <summary>
/// Gives each Task a token of its own, narrowed to its one repository and the permissions it needs
/// (see <see cref="TaskTokenPermissions"/>). Never cached: a Task's token is not shared with another Task.
/// </summary>
public sealed class ScopedTokenIssuer(IInstallationTokenSource source)
{
    private static readonly string[] Levels = ["read", "write", "admin"];

    /// <summary>A fresh token for <paramref name="repository"/> (a name, or <c>owner/name</c>) with <paramref name="permissions"/>.</summary>
    /// <exception cref="ArgumentException">No repository, no permissions, or a level other than read, write or admin.</exception>
    public Task<InstallationAccessToken> IssueAsync(
        long installationId, string repository, IReadOnlyDictionary<string, string> permissions, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        ArgumentNullException.ThrowIfNull(permissions);
        if (permissions.Count == 0)
        {
            throw new ArgumentException("A Task token needs at least one permission.", nameof(permissions));
        }

        foreach (var (permission, level) in permissions)
        {
            if (!Levels.Contains(level))
            {
                throw new ArgumentException($"Permission '{permission}' has level '{level}'; expected read, write or admin.", nameof(permissions));
            }
        }

        // GitHub's token endpoint takes bare names: the owner is the installation's account.
        var name = repository[(repository.LastIndexOf('/') + 1)..];
        return source.CreateAsync(installationId, [name], permissions, cancellationToken);
    }
}
