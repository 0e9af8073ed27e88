using System.Globalization;
using Kelos.Contracts;
using Kelos.Core.Resources;
using Kelos.Core.Store;
using Kelos.Core.Triggers;

namespace Kelos.GitHub.Triggers;

/// <summary>The Tasks started for one issue or pull request, oldest first (found by their source annotations).</summary>
public static class SubjectTasks
{
    public static IReadOnlyList<KelosTask> Of(IResourceStore store, GitHubEventReceived e)
    {
        if (e.Repository is not { } repo || e.Subject is not { } subject)
        {
            return [];
        }

        var number = subject.Number.ToString(CultureInfo.InvariantCulture);
        return [.. store.List<KelosTask>()
            .Where(t => t.Metadata.Annotations is { } a
                && a.TryGetValue(SourceAnnotations.Owner, out var owner) && string.Equals(owner, repo.Owner, StringComparison.OrdinalIgnoreCase)
                && a.TryGetValue(SourceAnnotations.Repo, out var name) && string.Equals(name, repo.Name, StringComparison.OrdinalIgnoreCase)
                && a.TryGetValue(SourceAnnotations.Number, out var n) && n == number)
            .OrderBy(t => t.Metadata.CreationTimestamp)];
    }
}
