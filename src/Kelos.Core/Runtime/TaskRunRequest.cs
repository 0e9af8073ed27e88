using Kelos.Core.Resources;

namespace Kelos.Core.Runtime;

/// <summary>One run, with every reference already resolved by the controller.</summary>
/// <param name="Task">The Task as stored.</param>
/// <param name="Prompt">The prompt, rendered when it is a template over dependency results.</param>
/// <param name="Workspace">The Workspace named by <c>workspaceRef</c>, if any.</param>
/// <param name="AgentConfig">The merged AgentConfigs, if any.</param>
/// <param name="Secrets">Looks up a Secret by name (null when missing).</param>
public sealed record TaskRunRequest(
    KelosTask Task,
    string Prompt,
    Workspace? Workspace,
    MergedAgentConfig? AgentConfig,
    Func<string, Secret?> Secrets)
{
    /// <summary>The branch the agent works on: the Task's, or <c>kelos/&lt;task&gt;</c> so agents never push to the base.</summary>
    public string Branch => TaskBranch.Of(Task);

    /// <summary>
    /// Fires when the controller stops while the run goes on without it (only for runtimes whose
    /// <see cref="ITaskRuntime.SurvivesRestart"/> is true): stop following the run and throw
    /// <see cref="OperationCanceledException"/>, leaving the run itself alone.
    /// </summary>
    public CancellationToken Detach { get; init; }

    /// <summary>The timeout, from <c>podOverrides.activeDeadlineSeconds</c>.</summary>
    public TimeSpan? Deadline => Task.Spec.PodOverrides?.ActiveDeadlineSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
}
