using System.Globalization;
using k8s;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Runtime.Kubernetes.Api;

namespace Kelos.Runtime.Kubernetes.Runs;

/// <summary>
/// Creates the per-Task Secret (<see cref="TaskSecretBuilder"/>) with the GitHub token filled in: the Workspace
/// Secret's <c>GITHUB_TOKEN</c>, or, for a Secret holding a GitHub App, an installation token minted for this
/// Task's one repository; and the merged MCP servers JSON when its headers or env come from Secrets. An existing Secret (a controller restart) is kept as it is: no second token is minted.
/// </summary>
internal sealed class TaskSecretWriter(IKubernetes client, ApiRetry retry, IGitHubTokenIssuer? tokens)
{
    /// <summary>Creates the Secret if the pod needs one; a <see cref="TaskRunProblem"/> says in plain words what is missing.</summary>
    public async Task EnsureAsync(TaskJobInput input, TaskRunRequest request, CancellationToken cancellationToken)
    {
        if (TaskSecretBuilder.Build(input) is not { } secret)
        {
            return;
        }

        try
        {
            await retry.RunAsync(t => client.CoreV1.ReadNamespacedSecretAsync(secret.Metadata.Name, input.Namespace, cancellationToken: t), cancellationToken);
            return;
        }
        catch (Exception e) when (ApiErrors.IsNotFound(e))
        {
            // Not there yet: fill it in below.
        }

        if (input.UsesGitHubToken)
        {
            secret.StringData[TaskSecretBuilder.TokenKey] = await TokenAsync(request, cancellationToken);
        }

        if (input.McpServersNeedSecrets)
        {
            try
            {
                secret.StringData[TaskSecretBuilder.McpServersKey] = McpServersJson.Build(input.AgentConfig, request.Secrets) ?? "";
            }
            catch (TaskJobException e)
            {
                throw new TaskRunProblem(e.Message);
            }
        }

        try
        {
            await retry.RunAsync(t => client.CoreV1.CreateNamespacedSecretAsync(secret, input.Namespace, cancellationToken: t), cancellationToken);
        }
        catch (Exception e) when (ApiErrors.IsConflict(e))
        {
            // Created in between by an earlier attempt: the same Secret.
        }
    }

    private async Task<string> TokenAsync(TaskRunRequest request, CancellationToken cancellationToken)
    {
        var workspace = request.Workspace!;
        var name = workspace.Spec.SecretRef!.Name;
        var source = request.Secrets(name)
            ?? throw new TaskRunProblem($"Secret \"{name}\" (workspace {workspace.Name} secretRef) does not exist");
        if (source.Get("GITHUB_TOKEN") is { } token)
        {
            return token;
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
        return await tokens.IssueAsync(new GitHubAppSecret(app, installation, key), ownerRepo[0], ownerRepo[1], readOnly, cancellationToken);
    }
}
