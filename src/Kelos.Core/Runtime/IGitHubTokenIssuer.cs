namespace Kelos.Core.Runtime;

/// <summary>
/// Mints the token a Task works with: a GitHub App installation token narrowed to the Task's one repository and
/// the permissions it needs. Present only where Kelos is configured as a GitHub App.
/// </summary>
public interface IGitHubTokenIssuer
{
    /// <param name="readAccessOnly">Only read access (an agent that plans or reviews); otherwise contents and pull requests writable.</param>
    Task<string> IssueAsync(GitHubAppSecret app, string owner, string repository, bool readAccessOnly, CancellationToken cancellationToken);
}

/// <summary>A GitHub App's credentials as a Workspace's Secret holds them (upstream's keys: appID, installationID, privateKey).</summary>
public sealed record GitHubAppSecret(long AppId, long InstallationId, string PrivateKeyPem)
{
    public const string AppIdKey = "appID";
    public const string InstallationIdKey = "installationID";
    public const string PrivateKeyKey = "privateKey";

    public override string ToString() => $"GitHub App {AppId}, installation {InstallationId}";
}
