using Kelos.Core.Resources;

namespace Kelos.Controller.Scheduling;

/// <summary>A Task and every Task it depends on, directly or through others.</summary>
public static class TaskClosure
{
    public static IReadOnlySet<string> Of(string taskName, IReadOnlyList<KelosTask> tasks)
    {
        var byName = tasks.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var closure = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([taskName]);
        while (pending.TryPop(out var name))
        {
            if (!closure.Add(name) || !byName.TryGetValue(name, out var task))
            {
                continue;
            }

            foreach (var dependency in task.Spec.DependsOn ?? [])
            {
                pending.Push(dependency);
            }
        }

        return closure;
    }
}
