using Kelos.Agents;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;

namespace Kelos.Runtime.Kubernetes;

/// <summary>Everything <see cref="TaskJobBuilder"/> needs, already resolved by the caller.</summary>
/// <param name="Task">The Task as stored (its <c>metadata.uid</c> becomes the Job's owner reference).</param>
/// <param name="Prompt">The prompt, rendered when it is a template over dependency results.</param>
/// <param name="Workspace">The Workspace named by <c>workspaceRef</c>, if any.</param>
/// <param name="AgentConfig">The merged AgentConfigs, if any.</param>
/// <param name="Adapter">The adapter of the Task's agent type (credential variable, agent switches).</param>
/// <param name="Image">The agent image (see <see cref="AgentImages.For"/>).</param>
/// <param name="GitImage">The image of the init containers (see <see cref="AgentImages.GitImage"/>).</param>
/// <param name="Namespace">The namespace of the Task, the Job and the Secrets.</param>
/// <param name="BundledImage">
/// The agent image is one of Kelos's own (see <see cref="AgentImages.IsBundled"/>): the entrypoint then runs under
/// its <c>tini</c>, which reaps the agent's orphaned children and passes signals to the whole process group.
/// </param>
public sealed record TaskJobInput(
    KelosTask Task,
    string Prompt,
    Workspace? Workspace,
    MergedAgentConfig? AgentConfig,
    IAgentAdapter Adapter,
    string Image,
    string GitImage,
    string Namespace,
    bool BundledImage = false)
{
    /// <summary>The input for a resolved run request, with the images from <paramref name="images"/>.</summary>
    public static TaskJobInput From(TaskRunRequest request, AgentImages images, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(images);
        return new TaskJobInput(
            request.Task,
            request.Prompt,
            request.Workspace,
            request.AgentConfig,
            AgentAdapters.For(request.Task.Spec.Type ?? ""),
            images.For(request.Task),
            images.GitImage,
            @namespace,
            images.IsBundled(request.Task));
    }

    /// <summary>The branch the agent works on (<c>kelos/&lt;task&gt;</c> unless the Task names one).</summary>
    public string Branch => TaskBranch.Of(Task);

    /// <summary>
    /// True when the pod reads a GitHub token from the per-Task Secret: the Workspace names a Secret (a token or a
    /// GitHub App), from which the controller fills the per-Task Secret with a token for this one repository.
    /// </summary>
    public bool UsesGitHubToken => Workspace?.Spec.SecretRef is not null;

    /// <summary>True when an MCP server takes headers or env from a Secret: the merged JSON then lives in the per-Task Secret.</summary>
    public bool McpServersNeedSecrets => AgentConfig?.McpServers.Any(s => s.HeadersFrom is not null || s.EnvFrom is not null) == true;

    /// <summary>True when the pod refers to the per-Task Secret at all.</summary>
    public bool UsesTaskSecret => UsesGitHubToken || McpServersNeedSecrets;
}
