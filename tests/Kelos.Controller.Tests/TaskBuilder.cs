using Kelos.Core.Resources;

namespace Kelos.Controller.Tests;

/// <summary>Tasks for scheduling tests: a name, dependencies, a branch, a phase, a creation time.</summary>
internal static class TaskBuilder
{
    private static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static KelosTask Task(string name, int createdSecond, string? phase = null, string[]? dependsOn = null, string? workspace = null, string? branch = null) => new()
    {
        ApiVersion = ResourceKinds.V1Alpha1,
        Kind = ResourceKinds.Task,
        Metadata = new k8s.Models.V1ObjectMeta { Name = name, CreationTimestamp = Epoch.AddSeconds(createdSecond) },
        Spec = new TaskSpec
        {
            Type = AgentTypes.ClaudeCode,
            Prompt = "do it",
            DependsOn = dependsOn?.ToList(),
            WorkspaceRef = workspace is null ? null : new NameReference { Name = workspace },
            Branch = branch,
        },
        Status = phase is null ? null : new KelosTaskStatus { Phase = phase },
    };
}
