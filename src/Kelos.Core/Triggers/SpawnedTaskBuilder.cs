using System.Security.Cryptography;
using System.Text;
using k8s;
using k8s.Models;
using Kelos.Contracts;
using Kelos.Core.Commands;
using Kelos.Core.Loading;
using Kelos.Core.Resources;
using Kelos.Core.Templating;

namespace Kelos.Core.Triggers;

/// <summary>
/// Turns a matched webhook event into the Task a TaskSpawner asks for. Pure: the caller creates it (and a second
/// create of the same name is the dedup).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Spec: a deep copy of the template's agent fields (<c>type</c>, <c>credentials</c>, <c>model</c>, <c>effort</c>,
/// <c>image</c>, <c>workspaceRef</c>, <c>agentConfigRefs</c>, <c>dependsOn</c>, <c>upstreamRepo</c>,
/// <c>ttlSecondsAfterFinished</c>, <c>podOverrides</c>, <c>podFailurePolicy</c>), a v1alpha2 <c>worker</c> block folded
/// in; <c>prompt</c> is the rendered <c>promptTemplate</c> and <c>branch</c> the rendered <c>branch</c> (trimmed; empty
/// means none). Variables: <see cref="TriggerVariables"/>.</item>
/// <item><c>--agent</c> replaces <c>type</c>. When it names another agent than the template's, the template's
/// <c>model</c> and <c>image</c> are dropped (they belong to the other agent); credentials, effort and the rest stay.
/// <c>--model</c> replaces <c>model</c>.</item>
/// <item>With no credentials in the template, one of the spawner's <c>credentials[]</c> pool is picked by the work
/// item key, so the same item always gets the same one and items spread over the pool.</item>
/// <item>Name: the rendered <c>nameTemplate</c>, else <see cref="TaskNames.Default"/>; sanitized
/// (<see cref="TaskNames.Sanitize"/>). Namespace: the spawner's.</item>
/// <item>Labels: the template's plus <c>kelos.dev/taskspawner</c>. Annotations: the template's plus
/// <see cref="SourceAnnotations"/>.</item>
/// </list>
/// </remarks>
public static class SpawnedTaskBuilder
{
    /// <exception cref="TriggerException">A template that does not render, or a name that sanitizes to nothing.</exception>
    /// <param name="workItemKey">What identifies the work item for dedup, e.g. the delivery id, or
    /// <c>comment:&lt;id&gt;:&lt;line&gt;</c>; hashed into the default name.</param>
    /// <param name="includes">Where <c>{{ include "NAME" }}</c> in the prompt finds its files, if anywhere.</param>
    public static KelosTask Build(TaskSpawner spawner, GitHubEventReceived e, SlashCommand? command, string workItemKey, PromptIncludes? includes = null)
    {
        ArgumentNullException.ThrowIfNull(spawner);
        ArgumentNullException.ThrowIfNull(e);
        ArgumentException.ThrowIfNullOrEmpty(workItemKey);
        var template = spawner.Spec.TaskTemplate;
        var variables = TriggerVariables.For(e, command);

        var spec = KubernetesJson.Deserialize<TaskSpec>(KubernetesJson.Serialize(template));
        spec.Prompt = string.IsNullOrEmpty(template.PromptTemplate)
            ? throw new TriggerException($"TaskSpawner \"{spawner.Name}\" has no taskTemplate.promptTemplate")
            : Render(spawner, "promptTemplate", template.PromptTemplate, variables, includes);
        spec.Branch = string.IsNullOrEmpty(template.Branch) ? null : NullIfEmpty(Render(spawner, "branch", template.Branch, variables).Trim());

        var task = new KelosTask
        {
            ApiVersion = ResourceKinds.V1Alpha1,
            Kind = ResourceKinds.Task,
            Metadata = new V1ObjectMeta
            {
                Name = Name(spawner, e, variables, workItemKey),
                NamespaceProperty = spawner.Metadata.NamespaceProperty,
                Labels = SourceMetadata.Labels(spawner),
                Annotations = SourceMetadata.Annotations(spawner, e),
            },
            Spec = spec,
        };
        ResourceNormalizer.Normalize(task);
        ApplyCommand(task.Spec, command);
        task.Spec.Credentials ??= PickCredentials(spawner.Spec.Credentials, workItemKey);
        return task;
    }

    private static string Name(TaskSpawner spawner, GitHubEventReceived e, IReadOnlyDictionary<string, object?> variables, string workItemKey)
    {
        var nameTemplate = spawner.Spec.TaskTemplate.NameTemplate;
        if (string.IsNullOrEmpty(nameTemplate))
        {
            return TaskNames.Default(spawner.Name, e.Event, workItemKey);
        }

        var rendered = Render(spawner, "nameTemplate", nameTemplate, variables);
        var name = TaskNames.Sanitize(rendered);
        return name.Length > 0
            ? name
            : throw new TriggerException(
                $"TaskSpawner \"{spawner.Name}\": taskTemplate.nameTemplate rendered \"{rendered}\", which has nothing usable as a Task name (letters or digits)");
    }

    private static string Render(TaskSpawner spawner, string field, string text, IReadOnlyDictionary<string, object?> variables, PromptIncludes? includes = null)
    {
        try
        {
            return PromptTemplate.Parse(text).Render(variables, includes);
        }
        catch (PromptTemplateException error)
        {
            throw new TriggerException($"TaskSpawner \"{spawner.Name}\": taskTemplate.{field}: {error.Message}", error);
        }
    }

    private static void ApplyCommand(TaskSpec spec, SlashCommand? command)
    {
        if (command?.Agent is { } agent && !string.Equals(agent, spec.Type, StringComparison.Ordinal))
        {
            spec.Type = agent;
            spec.Model = null;
            spec.Image = null;
        }

        if (command?.Model is { } model)
        {
            spec.Model = model;
        }
    }

    private static Credentials? PickCredentials(List<Credentials>? pool, string workItemKey)
    {
        if (pool is not { Count: > 0 })
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(workItemKey));
        var index = (int)(BitConverter.ToUInt32(hash, 0) % (uint)pool.Count);
        return KubernetesJson.Deserialize<Credentials>(KubernetesJson.Serialize(pool[index]));
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
