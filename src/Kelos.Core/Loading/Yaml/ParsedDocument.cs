using Kelos.Core.Loading.Source;
using YamlDotNet.RepresentationModel;

namespace Kelos.Core.Loading.Yaml;

/// <summary>One YAML document of a file. Marks of its nodes are relative to <see cref="LineOffset"/>.</summary>
internal sealed record ParsedDocument(YamlNode Root, int LineOffset)
{
    public SourcePosition PositionOf(YamlNode node) => new((int)node.Start.Line + LineOffset, (int)node.Start.Column);
}
