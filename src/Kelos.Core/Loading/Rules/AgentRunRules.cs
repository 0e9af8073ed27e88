using Kelos.Core.Resources;

namespace Kelos.Core.Loading.Rules;

/// <summary>
/// Rules for the fields a Task spec and a TaskSpawner's task template share: <c>worker</c> or the flat fields, the
/// agent type, credentials, references, <c>dependsOn</c> and <c>podOverrides</c>.
/// </summary>
internal static class AgentRunRules
{
    private static readonly string AgentTypeList = string.Join(", ", AgentTypes.All);

    /// <param name="fields">The shared fields.</param>
    /// <param name="basePath"><c>spec</c> or <c>spec.taskTemplate</c>.</param>
    /// <param name="context">Where to report.</param>
    /// <param name="selfName">The Task's own name, which <c>dependsOn</c> may not list; null for templates.</param>
    /// <param name="credentialsOptional">True when the spawner has a credentials pool.</param>
    public static void Check(AgentRunFields fields, string basePath, RuleContext context, string? selfName, bool credentialsOptional)
    {
        var worker = fields.Worker;
        var workerPath = $"{basePath}.worker";
        if (worker is not null)
        {
            foreach (var flat in FlatFieldsSet(fields))
            {
                context.ErrorAtKey($"{basePath}.{flat}", "use either worker or the flat fields, not both");
            }
        }

        CheckConfigReferenceForm(fields, basePath, context);
        CheckType(fields.Type, $"{basePath}.type", context);
        CheckType(worker?.Type, $"{workerPath}.type", context);
        if (fields.Type is null && worker?.Type is null)
        {
            var path = worker is null ? $"{basePath}.type" : $"{workerPath}.type";
            context.ErrorAtKey(path, $"missing required field \"type\" (one of {AgentTypeList})");
        }

        CheckCredentials(fields.Credentials, $"{basePath}.credentials", context);
        CheckCredentials(worker?.Credentials, $"{workerPath}.credentials", context);
        if (fields.Credentials is null && worker?.Credentials is null && !credentialsOptional)
        {
            var path = worker is null ? $"{basePath}.credentials" : $"{workerPath}.credentials";
            context.ErrorAtKey(path, "missing required field \"credentials\"");
        }

        CheckReferences(fields.WorkspaceRef, fields.AgentConfigRefs, basePath, context);
        CheckReferences(worker?.WorkspaceRef, worker?.AgentConfigRefs, workerPath, context);
        if (fields.AgentConfigRef is not null)
        {
            Names.CheckSubdomain(context, $"{basePath}.agentConfigRef.name", fields.AgentConfigRef.Name, "AgentConfig name");
        }

        PodOverridesRules.Check(fields.PodOverrides, $"{basePath}.podOverrides", context);
        PodOverridesRules.Check(worker?.PodOverrides, $"{workerPath}.podOverrides", context);
        CheckDependsOn(fields.DependsOn, $"{basePath}.dependsOn", context, selfName);
    }

    /// <summary>Checks one credentials block: <c>secretRef</c> is required unless the type is <c>none</c>.</summary>
    public static void CheckCredentials(Credentials? credentials, string path, RuleContext context)
    {
        if (credentials is null)
        {
            return;
        }

        if (credentials.SecretRef is not null)
        {
            Names.CheckSubdomain(context, $"{path}.secretRef.name", credentials.SecretRef.Name, "Secret name");
        }
        else if (credentials.Type is Credentials.ApiKey or Credentials.OAuth)
        {
            context.ErrorAtKey($"{path}.secretRef", $"missing required field \"secretRef\" (credentials of type {credentials.Type} need a Secret)");
        }
    }

    private static IEnumerable<string> FlatFieldsSet(AgentRunFields fields)
    {
        (string Name, object? Value)[] flat =
        [
            ("type", fields.Type),
            ("credentials", fields.Credentials),
            ("model", fields.Model),
            ("effort", fields.Effort),
            ("image", fields.Image),
            ("workspaceRef", fields.WorkspaceRef),
            ("agentConfigRef", fields.AgentConfigRef),
            ("agentConfigRefs", fields.AgentConfigRefs),
            ("podOverrides", fields.PodOverrides),
        ];
        return flat.Where(f => f.Value is not null).Select(f => f.Name);
    }

    private static void CheckConfigReferenceForm(AgentRunFields fields, string basePath, RuleContext context)
    {
        if (fields.AgentConfigRef is null)
        {
            return;
        }

        var path = $"{basePath}.agentConfigRef";
        if (context.ApiVersion == ResourceKinds.V1Alpha2)
        {
            context.ErrorAtKey(path, "agentConfigRef was removed in kelos.dev/v1alpha2; use agentConfigRefs (a list)");
        }
        else if (fields.AgentConfigRefs is not null || fields.Worker?.AgentConfigRefs is not null)
        {
            context.ErrorAtKey(path, "use either agentConfigRef or agentConfigRefs, not both");
        }
    }

    private static void CheckType(string? type, string path, RuleContext context)
    {
        if (type is not null && !AgentTypes.All.Contains(type))
        {
            context.Error(path, $"unsupported agent type \"{type}\": must be one of {AgentTypeList}");
        }
    }

    private static void CheckReferences(NameReference? workspace, List<NameReference>? configs, string basePath, RuleContext context)
    {
        if (workspace is not null)
        {
            Names.CheckSubdomain(context, $"{basePath}.workspaceRef.name", workspace.Name, "Workspace name");
        }

        for (var i = 0; i < (configs?.Count ?? 0); i++)
        {
            Names.CheckSubdomain(context, $"{basePath}.agentConfigRefs[{i}].name", configs![i].Name, "AgentConfig name");
        }
    }

    private static void CheckDependsOn(List<string>? dependsOn, string path, RuleContext context, string? selfName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (dependsOn?.Count ?? 0); i++)
        {
            var name = dependsOn![i];
            var itemPath = $"{path}[{i}]";
            if (!Names.IsSubdomain(name))
            {
                context.Error(itemPath, $"invalid Task name \"{name}\": {Names.SubdomainRule}");
            }
            else if (name == selfName)
            {
                context.Error(itemPath, $"a Task cannot depend on itself (\"{name}\")");
            }
            else if (!seen.Add(name))
            {
                context.Error(itemPath, $"duplicate dependency \"{name}\"");
            }
        }
    }
}
