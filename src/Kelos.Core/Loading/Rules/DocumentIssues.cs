using Kelos.Core.Loading.Source;

namespace Kelos.Core.Loading.Rules;

/// <summary>
/// The errors of one document and where its fields were written. A rule's error is dropped when the schema pass
/// already reported the same field, or a field inside or around it: one mistake, one message.
/// </summary>
internal sealed class DocumentIssues(string file, SourceMap map)
{
    private readonly List<ValidationError> errors = [];
    private readonly List<string> schemaPaths = [];

    public string File { get; } = file;

    public SourceMap Map { get; } = map;

    public IReadOnlyList<ValidationError> Errors => errors;

    public void SchemaError(SourcePosition at, string path, string message)
    {
        schemaPaths.Add(path);
        errors.Add(new ValidationError(File, at.Line, at.Column, path, message));
    }

    public void RuleError(SourcePosition at, string path, string message)
    {
        if (schemaPaths.Any(p => FieldPath.Overlaps(p, path)))
        {
            return;
        }

        errors.Add(new ValidationError(File, at.Line, at.Column, path, message));
    }
}
