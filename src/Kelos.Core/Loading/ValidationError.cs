namespace Kelos.Core.Loading;

/// <summary>
/// One problem in a resource file. <see cref="Line"/> and <see cref="Column"/> are 1-based (0 when the whole file
/// is at fault, e.g. it cannot be read). <see cref="Path"/> is the field, like <c>spec.podOverrides.env[2].name</c>;
/// empty for document-level problems such as a YAML syntax error.
/// </summary>
public sealed record ValidationError(string File, int Line, int Column, string Path, string Message)
{
    /// <summary><c>file:line:col: path: message</c>, or <c>file:line:col: message</c> without a path.</summary>
    public override string ToString() =>
        Path.Length == 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}:{Line}:{Column}: {Path}: {Message}";
}
