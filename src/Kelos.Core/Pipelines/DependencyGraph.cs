namespace Kelos.Core.Pipelines;

/// <summary>The <c>dependsOn</c> graph of Tasks.</summary>
public static class DependencyGraph
{
    /// <summary>
    /// A cycle as the names along it, first name repeated at the end (<c>a → b → a</c> is [a, b, a]), or null when
    /// there is none. Nodes are visited in the order of <paramref name="edges"/>, so the answer is stable. Edges to
    /// names that are not keys are ignored (a missing dependency is not a cycle).
    /// </summary>
    public static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, IReadOnlyList<string>> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in edges.Keys)
        {
            if (finished.Contains(start))
            {
                continue;
            }

            var cycle = Visit(start, edges, finished, [], new HashSet<string>(StringComparer.Ordinal));
            if (cycle is not null)
            {
                return cycle;
            }
        }

        return null;
    }

    /// <summary>Formats a cycle as <c>a → b → c → a</c>.</summary>
    public static string Describe(IReadOnlyList<string> cycle) => string.Join(" → ", cycle);

    private static List<string>? Visit(
        string node,
        IReadOnlyDictionary<string, IReadOnlyList<string>> edges,
        HashSet<string> finished,
        List<string> path,
        HashSet<string> onPath)
    {
        path.Add(node);
        onPath.Add(node);
        foreach (var next in edges[node])
        {
            if (onPath.Contains(next))
            {
                var cycle = path.Skip(path.IndexOf(next)).ToList();
                cycle.Add(next);
                return cycle;
            }

            if (!finished.Contains(next) && edges.ContainsKey(next))
            {
                var found = Visit(next, edges, finished, path, onPath);
                if (found is not null)
                {
                    return found;
                }
            }
        }

        path.RemoveAt(path.Count - 1);
        onPath.Remove(node);
        finished.Add(node);
        return null;
    }
}
