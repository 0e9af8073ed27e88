using Kelos.Core.Loading.Rules;
using Kelos.Core.Loading.Yaml;

namespace Kelos.Core.Loading;

/// <summary>Collects the documents and errors of one load call across its files, then decides all or nothing.</summary>
internal sealed class LoadSession
{
    private readonly List<ValidationError> errors = [];
    private readonly List<DocumentIssues> issues = [];
    private readonly List<LoadedDocument> documents = [];
    private readonly Dictionary<string, int> fileOrder = new(StringComparer.Ordinal);

    public void AddFileError(string file, string message)
    {
        Remember(file);
        errors.Add(new ValidationError(file, 0, 0, "", message));
    }

    public void AddText(string text, string file)
    {
        Remember(file);
        var (parsed, syntaxErrors) = YamlTextParser.Parse(text);
        errors.AddRange(syntaxErrors.Select(e => new ValidationError(file, e.Position.Line, e.Position.Column, "", e.Message)));
        foreach (var document in parsed)
        {
            var loaded = DocumentLoader.Load(document, file, out var documentIssues);
            issues.Add(documentIssues);
            if (loaded is not null)
            {
                documents.Add(loaded);
            }
        }
    }

    public LoadResult Finish()
    {
        CrossResourceRules.Check(documents);
        var all = errors
            .Concat(issues.SelectMany(i => i.Errors))
            .OrderBy(e => fileOrder[e.File])
            .ThenBy(e => e.Line)
            .ThenBy(e => e.Column)
            .ToList();
        if (all.Count > 0)
        {
            return new LoadResult([], all);
        }

        foreach (var document in documents)
        {
            ResourceNormalizer.Normalize(document.Resource);
        }

        return new LoadResult(documents.Select(d => new LoadedResource(d.Resource, d.File, d.Start.Line)).ToList(), []);
    }

    private void Remember(string file) => fileOrder.TryAdd(file, fileOrder.Count);
}
