using System.Globalization;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Runtime.Kubernetes.Runs;

namespace Kelos.Runtime.Kubernetes.Tokens;

/// <summary>
/// Where a Task's GitHub token comes from: the Workspace Secret's <c>GITHUB_TOKEN</c> (copied as it is, never
/// refreshed: Kelos cannot mint another), or the GitHub App that Secret holds (an installation token narrowed to the
/// Task's one repository, minted again before it expires while the Task runs).
/// </summary>
internal sealed class TaskTokenSource
{
    private readonly string? _copied;
    private readonly Func<CancellationToken, Task<string>>? _mint;

    private TaskTokenSource(string? copied, Func<CancellationToken, Task<string>>? mint)
    {
        _copied = copied;
        _mint = mint;
    }

    /// <summary>True for a GitHub App's installation token, which lasts an hour and is minted again.</summary>
    public bool Refreshable => _mint is not null;

    /// <summary>The token: the copied one, or a newly minted one.</summary>
    public Task<string> TokenAsync(CancellationToken cancellationToken) => _mint?.Invoke(cancellationToken) ?? Task.FromResult(_copied!);

    /// <summary>The source for the Task's Workspace Secret; a <see cref="TaskRunProblem"/> says in plain words what is missing.</summary>
    public static TaskTokenSource Resolve(TaskRunRequest request, IGitHubTokenIssuer? tokens)
    {
        var workspace = request.Workspace!;
        var name = workspace.Spec.SecretRef!.Name;
        var source = request.Secrets(name)
            ?? throw new TaskRunProblem($"Secret \"{name}\" (workspace {workspace.Name} secretRef) does not exist");
        if (source.Get("GITHUB_TOKEN") is { } token)
        {
            return new TaskTokenSource(token, null);
        }

        if (source.Get(GitHubAppSecret.AppIdKey) is not { } appId || source.Get(GitHubAppSecret.InstallationIdKey) is not { } installationId
            || source.Get(GitHubAppSecret.PrivateKeyKey) is not { } key)
        {
            throw new TaskRunProblem($"Secret \"{name}\" has neither a GITHUB_TOKEN key nor a GitHub App ({GitHubAppSecret.AppIdKey}, {GitHubAppSecret.InstallationIdKey}, {GitHubAppSecret.PrivateKeyKey})");
        }

        if (tokens is null)
        {
            throw new TaskRunProblem($"Secret \"{name}\" holds a GitHub App; minting its tokens needs the controller configured as that App");
        }

        if (!long.TryParse(appId, CultureInfo.InvariantCulture, out var app) || !long.TryParse(installationId, CultureInfo.InvariantCulture, out var installation))
        {
            throw new TaskRunProblem($"Secret \"{name}\": {GitHubAppSecret.AppIdKey} and {GitHubAppSecret.InstallationIdKey} must be numbers");
        }

        var ownerRepo = GitUrl.OwnerRepo(workspace.Spec.Repo)?.Split('/')
            ?? throw new TaskRunProblem($"workspace {workspace.Name}: cannot tell owner/repository from \"{workspace.Spec.Repo}\" to narrow the App token to it");
        var readOnly = request.Task.Metadata.Annotations is { } annotations
            && annotations.TryGetValue(KelosAnnotations.GitHubTokenAccess, out var access) && access == "read";
        var appSecret = new GitHubAppSecret(app, installation, key);
        return new TaskTokenSource(null, t => tokens.IssueAsync(appSecret, ownerRepo[0], ownerRepo[1], readOnly, t));
    }
}
