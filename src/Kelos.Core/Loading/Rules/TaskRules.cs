using Kelos.Core.Resources;

namespace Kelos.Core.Loading.Rules;

/// <summary>Rules for a Task: the shared agent fields, and a prompt that is a template when it has dependencies.</summary>
internal static class TaskRules
{
    public static void Check(KelosTask task, RuleContext context)
    {
        AgentRunRules.Check(task.Spec, "spec", context, task.Metadata.Name, credentialsOptional: false);
        if (task.Spec.DependsOn is { Count: > 0 })
        {
            TemplateRules.Check(task.Spec.Prompt, "spec.prompt", context);
        }
    }
}
