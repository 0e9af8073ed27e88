using Kelos.Core.Resources;

namespace Kelos.Core.Loading.Rules;

/// <summary>Runs the semantic rules of one bound resource.</summary>
internal static class ResourceRules
{
    public static void Check(KelosResource resource, RuleContext context)
    {
        MetadataRules.Check(resource, context);
        switch (resource)
        {
            case KelosTask task:
                TaskRules.Check(task, context);
                break;
            case Workspace workspace:
                WorkspaceRules.Check(workspace, context);
                break;
            case AgentConfig config:
                AgentConfigRules.Check(config, context);
                break;
            case TaskSpawner spawner:
                TaskSpawnerRules.Check(spawner, context);
                break;
            case Secret secret:
                SecretRules.Check(secret, context);
                break;
        }
    }
}
