namespace Kelos.Core.Loading.Source;

/// <summary>Where each field of one document was written: the key's position and the value's.</summary>
internal sealed class SourceMap(SourcePosition documentStart)
{
    private readonly Dictionary<string, (SourcePosition Key, SourcePosition Value)> positions = new(StringComparer.Ordinal);

    public SourcePosition DocumentStart { get; } = documentStart;

    public void Add(string path, SourcePosition key, SourcePosition value) => positions[path] = (key, value);

    public bool Contains(string path) => positions.ContainsKey(path);

    /// <summary>The value's position, or the nearest enclosing field's when the path was not written.</summary>
    public SourcePosition ValueAt(string path) => Find(path, key: false);

    /// <summary>The key's position (the line a user looks at for "this field"), or the nearest enclosing field's.</summary>
    public SourcePosition KeyAt(string path) => Find(path, key: true);

    private SourcePosition Find(string path, bool key)
    {
        if (positions.TryGetValue(path, out var exact))
        {
            return key ? exact.Key : exact.Value;
        }

        for (var parent = FieldPath.Parent(path); parent is not null; parent = FieldPath.Parent(parent))
        {
            if (positions.TryGetValue(parent, out var found))
            {
                return found.Key;
            }
        }

        return DocumentStart;
    }
}
