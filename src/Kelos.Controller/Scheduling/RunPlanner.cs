using Kelos.Core.Pipelines;
using Kelos.Core.Resources;

namespace Kelos.Controller.Scheduling;

/// <summary>
/// Decides, for every unfinished Task not running, whether it starts, waits (and why), fails or is cancelled:
/// dependencies, cycles, the branch lock per (workspace, branch) and the number of parallel runs. First come,
/// first served by creation time, so the order survives a restart. Pure: the caller applies the decisions.
/// </summary>
public static class RunPlanner
{
    public static IReadOnlyList<TaskDecision> Plan(IReadOnlyList<KelosTask> tasks, IReadOnlySet<string> running, int maxParallel)
    {
        var byName = tasks.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var cycles = CycleMembers(tasks);
        var locks = new Dictionary<(string, string), string>();
        foreach (var task in tasks.Where(t => running.Contains(t.Name) && LockKey(t) is not null))
        {
            locks[LockKey(task)!.Value] = task.Name;
        }

        var busy = running.Count;
        var decisions = new List<TaskDecision>();
        foreach (var task in tasks.OrderBy(t => t.Metadata.CreationTimestamp ?? DateTime.MaxValue).ThenBy(t => t.Name, StringComparer.Ordinal))
        {
            // A deleted Task (waiting for its finalizer) never starts; while its run stops it still holds its branch lock.
            if (TaskPhase.IsFinished(task.Status?.Phase) || running.Contains(task.Name) || task.Metadata.DeletionTimestamp is not null)
            {
                continue;
            }

            var decision = Decide(task, byName, cycles, locks, busy, maxParallel);
            if (decision.Action == TaskAction.Start)
            {
                busy++;
                if (LockKey(task) is { } key)
                {
                    locks[key] = task.Name;
                }
            }

            decisions.Add(decision);
        }

        return decisions;
    }

    private static TaskDecision Decide(
        KelosTask task,
        Dictionary<string, KelosTask> byName,
        Dictionary<string, string> cycles,
        Dictionary<(string, string), string> locks,
        int busy,
        int maxParallel)
    {
        if (CancelRequester(task) is { } by)
        {
            return new(task.Name, TaskAction.Cancel, by);
        }

        if (cycles.TryGetValue(task.Name, out var cycle))
        {
            return new(task.Name, TaskAction.Fail, $"Circular dependency detected: {cycle}");
        }

        foreach (var dependency in task.Spec.DependsOn ?? [])
        {
            if (!byName.TryGetValue(dependency, out var dep))
            {
                return new(task.Name, TaskAction.Wait, $"Waiting for dependency \"{dependency}\"");
            }

            if (dep.Status?.Phase is TaskPhase.Failed or TaskPhase.Cancelled)
            {
                return new(task.Name, TaskAction.Fail, $"Dependency \"{dependency}\" failed");
            }

            if (dep.Status?.Phase != TaskPhase.Succeeded)
            {
                return new(task.Name, TaskAction.Wait, $"Waiting for dependency \"{dependency}\"");
            }
        }

        if (LockKey(task) is { } key && locks.TryGetValue(key, out var holder))
        {
            return new(task.Name, TaskAction.Wait, $"Waiting for branch \"{key.Item2}\" (locked by {holder})");
        }

        if (busy >= maxParallel)
        {
            return new(task.Name, TaskAction.Wait, $"Waiting for a free slot ({busy} of {maxParallel} Tasks running)");
        }

        return new(task.Name, TaskAction.Start, "");
    }

    /// <summary>Who asked to cancel the Task, or null.</summary>
    public static string? CancelRequester(KelosTask task) =>
        task.Metadata.Annotations is { } annotations && annotations.TryGetValue(KelosAnnotations.CancelRequestedBy, out var by) ? by : null;

    /// <summary>The lock key of a Task with a Workspace: (workspace, branch).</summary>
    public static (string, string)? LockKey(KelosTask task) =>
        task.Spec.WorkspaceRef?.Name is { } workspace ? (workspace, Core.Runtime.TaskBranch.Of(task)) : null;

    private static Dictionary<string, string> CycleMembers(IReadOnlyList<KelosTask> tasks)
    {
        var edges = tasks.ToDictionary(t => t.Name, t => (IReadOnlyList<string>)(t.Spec.DependsOn ?? []), StringComparer.Ordinal);
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        while (DependencyGraph.FindCycle(edges) is { } cycle)
        {
            var text = string.Join(" → ", cycle);
            foreach (var name in cycle)
            {
                members.TryAdd(name, text);
                edges.Remove(name);
            }
        }

        return members;
    }
}
