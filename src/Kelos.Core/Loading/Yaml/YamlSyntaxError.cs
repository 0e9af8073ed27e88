using Kelos.Core.Loading.Source;

namespace Kelos.Core.Loading.Yaml;

/// <summary>A YAML syntax error at a position of the file.</summary>
internal sealed record YamlSyntaxError(SourcePosition Position, string Message);
