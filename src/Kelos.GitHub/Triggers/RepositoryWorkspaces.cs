using System.Text;
using k8s.Models;
using Kelos.Contracts;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Core.Store;
using Kelos.GitHub.Auth;
using Microsoft.Extensions.Options;

namespace Kelos.GitHub.Triggers;

/// <summary>
/// The Workspace of the repository an event came from, for spawners that name none (the shipped defaults): a
/// Workspace <c>github-OWNER-REPO</c> cloning it, whose Secret holds the App's credentials, so each Task gets an
/// installation token narrowed to that one repository when it runs. The clone URL follows the API URL
/// (github.com, GitHub Enterprise), or <c>KELOS_GITHUB_CLONE_URL</c> with <c>{owner}</c> and <c>{repo}</c>.
/// </summary>
public sealed class RepositoryWorkspaces(IResourceStore store, IOptions<GitHubAppOptions> app)
{
    public const string CloneUrlVariable = "KELOS_GITHUB_CLONE_URL";

    /// <summary>Points the Task at its repository's Workspace, creating the Workspace and the Secret once.</summary>
    public void Attach(KelosTask task, GitHubEventReceived e)
    {
        if (task.Spec.WorkspaceRef is not null || e.Repository is not { } repo || e.InstallationId is not { } installation)
        {
            return;
        }

        var secretName = $"github-app-installation-{installation}";
        var secret = new Secret
        {
            ApiVersion = "v1",
            Kind = ResourceKinds.Secret,
            Metadata = new V1ObjectMeta { Name = secretName },
            Data = new Dictionary<string, string>
            {
                [GitHubAppSecret.AppIdKey] = Base64(app.Value.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                [GitHubAppSecret.InstallationIdKey] = Base64(installation.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                [GitHubAppSecret.PrivateKeyKey] = Base64(app.Value.LoadPrivateKeyPem()),
            },
        };

        // Named by a hash of what it is, so two repositories whose names sanitize alike never share one.
        var identity = $"{installation}/{repo.Owner}/{repo.Name}".ToLowerInvariant();
        var readable = Core.Triggers.TaskNames.Sanitize($"github-{repo.Owner}-{repo.Name}");
        var name = $"{(readable.Length > 40 ? readable[..40].TrimEnd('-') : readable)}-{Core.Triggers.TaskNames.Hash(identity)}";
        var workspace = new Workspace
        {
            ApiVersion = ResourceKinds.V1Alpha1,
            Kind = ResourceKinds.Workspace,
            Metadata = new V1ObjectMeta { Name = name },
            Spec = new WorkspaceSpec { Repo = CloneUrl(repo), SecretRef = new NameReference { Name = secretName } },
        };

        // Applied, not only created: a rotated key or a changed clone URL reaches the next Task.
        store.Apply([secret, workspace]);
        task.Spec.WorkspaceRef = new NameReference { Name = name };
    }

    private string CloneUrl(GitHubRepositoryRef repo)
    {
        if (Environment.GetEnvironmentVariable(CloneUrlVariable) is { Length: > 0 } template)
        {
            return template.Replace("{owner}", repo.Owner, StringComparison.Ordinal).Replace("{repo}", repo.Name, StringComparison.Ordinal);
        }

        var api = app.Value.ApiBaseUrl;
        var web = api.Host == "api.github.com" ? new Uri("https://github.com/")
            : api.AbsolutePath.TrimEnd('/').EndsWith("/api/v3", StringComparison.Ordinal) ? new Uri(api, "/")
            : api;
        return new Uri(web, $"{repo.Owner}/{repo.Name}.git").ToString();
    }

    private static string Base64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
}
