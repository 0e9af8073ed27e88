using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Core.Store;

namespace Kelos.Controller;

/// <summary>
/// Resolves what a Task refers to — its Workspace, AgentConfigs, the prompt over its dependencies' results —
/// into a run request, or says in plain words what is missing.
/// </summary>
public static class RunRequestBuilder
{
    public static (TaskRunRequest? Request, string? Problem) Build(KelosTask task, IResourceStore store)
    {
        Workspace? workspace = null;
        if (task.Spec.WorkspaceRef?.Name is { } workspaceName)
        {
            workspace = store.Find<Workspace>(workspaceName);
            if (workspace is null)
            {
                return (null, $"Workspace \"{workspaceName}\" does not exist");
            }
        }

        var configs = new List<AgentConfig>();
        foreach (var reference in task.Spec.AgentConfigRefs ?? [])
        {
            var config = store.Find<AgentConfig>(reference.Name);
            if (config is null)
            {
                return (null, $"AgentConfig \"{reference.Name}\" does not exist");
            }

            configs.Add(config);
        }

        var (prompt, promptProblem) = DependencyPrompt.Render(task, store);
        if (promptProblem is not null)
        {
            return (null, promptProblem);
        }

        var merged = configs.Count == 0 ? null : MergedAgentConfig.Merge(configs);
        return (new TaskRunRequest(task, prompt!, workspace, merged, store.Find<Secret>), null);
    }
}
