using Kelos.Core.Pipelines;
using Kelos.Core.Resources;

namespace Kelos.Core.Loading.Rules;

/// <summary>Rules across the documents of one load: no duplicate (kind, name), no dependency cycle among Tasks.</summary>
internal static class CrossResourceRules
{
    public static void Check(IReadOnlyList<LoadedDocument> documents)
    {
        CheckDuplicates(documents);
        CheckCycles(documents);
    }

    private static void CheckDuplicates(IReadOnlyList<LoadedDocument> documents)
    {
        var first = new Dictionary<(string Kind, string Name), LoadedDocument>();
        foreach (var document in documents.Where(d => d.Resource.Name.Length > 0))
        {
            var key = (document.Resource.Kind, document.Resource.Name);
            if (first.TryGetValue(key, out var original))
            {
                var at = original.Issues.Map.ValueAt("metadata.name");
                document.Context.Error(
                    "metadata.name",
                    $"duplicate {key.Kind} \"{key.Name}\": already defined at {original.File}:{at.Line}:{at.Column}");
            }
            else
            {
                first.Add(key, document);
            }
        }
    }

    private static void CheckCycles(IReadOnlyList<LoadedDocument> documents)
    {
        var tasks = new Dictionary<string, LoadedDocument>(StringComparer.Ordinal);
        foreach (var document in documents.Where(d => d.Resource is KelosTask && d.Resource.Name.Length > 0))
        {
            tasks.TryAdd(document.Resource.Name, document);
        }

        var edges = tasks.ToDictionary(
            t => t.Key,
            t => (IReadOnlyList<string>)(((KelosTask)t.Value.Resource).Spec.DependsOn ?? []).Where(d => d != t.Key).ToList(),
            StringComparer.Ordinal);
        var cycle = DependencyGraph.FindCycle(edges);
        if (cycle is not null)
        {
            tasks[cycle[0]].Context.ErrorAtKey("spec.dependsOn", $"Circular dependency detected: {DependencyGraph.Describe(cycle)}");
        }
    }
}
