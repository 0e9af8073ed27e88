using k8s;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Runtime.Kubernetes.Api;
using Kelos.Runtime.Kubernetes.Tokens;

namespace Kelos.Runtime.Kubernetes.Runs;

/// <summary>
/// Creates the per-Task Secret (<see cref="TaskSecretBuilder"/>) with the GitHub token filled in: the Workspace
/// Secret's <c>GITHUB_TOKEN</c>, or, for a Secret holding a GitHub App, an installation token minted for this
/// Task's one repository (<see cref="TaskTokenSource"/>, marked with when it was minted for
/// <see cref="TaskTokenRefresher"/>); and the merged MCP servers JSON when its headers or env come from Secrets. An
/// existing Secret (a controller restart) is kept as it is: no second token is minted.
/// </summary>
internal sealed class TaskSecretWriter(IKubernetes client, ApiRetry retry, IGitHubTokenIssuer? tokens, TimeProvider time)
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
            var source = TaskTokenSource.Resolve(request, tokens);
            secret.StringData[TaskSecretBuilder.TokenKey] = await source.TokenAsync(cancellationToken);
            if (source.Refreshable)
            {
                TaskTokenRefresher.MarkIssued(secret.Metadata, time.GetUtcNow());
            }
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
}
