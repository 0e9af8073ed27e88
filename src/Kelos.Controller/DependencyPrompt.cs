using Kelos.Core.Resources;
using Kelos.Core.Store;
using Kelos.Core.Templating;

namespace Kelos.Controller;

/// <summary>
/// The prompt of a Task with <c>dependsOn</c> is a template over its dependencies:
/// <c>{{ deps.NAME.results.KEY }}</c>, <c>deps.NAME.outputs</c>, <c>deps.NAME.name</c> (upstream's
/// <c>{{index .Deps "NAME" "Results" "KEY"}}</c> works too). A template error fails the Task — upstream falls
/// back to the raw prompt, which hides mistakes. Without <c>dependsOn</c> the prompt is taken as written.
/// </summary>
public static class DependencyPrompt
{
    public static (string? Prompt, string? Problem) Render(KelosTask task, IResourceStore store)
    {
        if (task.Spec.DependsOn is not { Count: > 0 } dependsOn)
        {
            return (task.Spec.Prompt, null);
        }

        var deps = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in dependsOn)
        {
            var dep = store.Find<KelosTask>(name);
            deps[name] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = name,
                ["results"] = dep?.Status?.Results ?? new Dictionary<string, string>(),
                ["outputs"] = dep?.Status?.Outputs ?? [],
            };
        }

        try
        {
            var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["deps"] = deps,
                ["task"] = new Dictionary<string, object?> { ["name"] = task.Name },
            };
            return (PromptTemplate.Parse(task.Spec.Prompt).Render(variables), null);
        }
        catch (PromptTemplateException e)
        {
            return (null, $"The prompt template failed: {e.Message}");
        }
    }
}
