using Kelos.Core.Resources;

namespace Kelos.Core.Store;

/// <summary>The Tasks that have not started yet, oldest first: the order the controller starts them in.</summary>
public static class WaitingTasks
{
    /// <summary>The names of Tasks still Pending or Waiting, by creation time, then name.</summary>
    public static List<string> InOrder(IResourceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return [.. store.List<KelosTask>()
            .Where(t => t.Status?.Phase is null or TaskPhase.Pending or TaskPhase.Waiting)
            .OrderBy(t => t.Metadata.CreationTimestamp).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => t.Name)];
    }

    /// <summary>The Task's place in the queue, from 1; null when it is not waiting.</summary>
    public static int? Position(IReadOnlyList<string> queue, string name)
    {
        ArgumentNullException.ThrowIfNull(queue);
        for (var i = 0; i < queue.Count; i++)
        {
            if (string.Equals(queue[i], name, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return null;
    }
}
