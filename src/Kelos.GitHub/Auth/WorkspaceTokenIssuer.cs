using System.Globalization;
using System.Text.Json;
using Kelos.Core.Runtime;
using Kelos.GitHub.Api;
using Octokit;
using Octokit.Internal;

namespace Kelos.GitHub.Auth;

/// <summary>
/// Per-Task tokens for the embedded runtime, from the App credentials in a Workspace's Secret: narrowed to the
/// Task's repository and <see cref="TaskTokenPermissions.ReadWrite"/> (or read-only), never cached across Tasks.
/// </summary>
public sealed class WorkspaceTokenIssuer(GitHubConnectionFactory connections, TimeProvider time) : IGitHubTokenIssuer
{
    public async Task<string> IssueAsync(GitHubAppSecret app, string owner, string repository, bool readAccessOnly, CancellationToken cancellationToken)
    {
        var jwt = GitHubAppJwt.Create(app.AppId, app.PrivateKeyPem, time);
        var api = new ApiConnection(connections.Create(new InMemoryCredentialStore(new Credentials(jwt, AuthenticationType.Bearer))));
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["repositories"] = new[] { repository },
            ["permissions"] = readAccessOnly ? TaskTokenPermissions.ReadOnly : TaskTokenPermissions.ReadWrite,
        });
        var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"app/installations/{app.InstallationId}/access_tokens"), UriKind.Relative);
        var token = await api.Post<AccessToken>(uri, body, "application/vnd.github+json", "application/json", cancellationToken);
        return token.Token;
    }
}
