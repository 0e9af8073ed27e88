using Kelos.Core.Loading.Binding;
using Kelos.Core.Loading.Rules;
using Kelos.Core.Loading.Schema;
using Kelos.Core.Loading.Source;
using Kelos.Core.Loading.Yaml;
using YamlDotNet.RepresentationModel;

namespace Kelos.Core.Loading;

/// <summary>
/// One document through the passes: apiVersion and kind, the schema pass over the node tree, binding to the C# type
/// (leaving out what the schema pass rejected), then the semantic rules. Every pass reports all it finds.
/// </summary>
internal static class DocumentLoader
{
    /// <summary>The bound resource, or null when the document could not be bound; <paramref name="issues"/> holds its errors.</summary>
    public static LoadedDocument? Load(ParsedDocument document, string file, out DocumentIssues issues)
    {
        var start = document.PositionOf(document.Root);
        issues = new DocumentIssues(file, new SourceMap(start));
        if (document.Root is not YamlMappingNode root)
        {
            issues.SchemaError(start, "", $"a resource must be a map with apiVersion, kind, metadata and spec; got {SchemaValidator.Actual(document.Root)}");
            return null;
        }

        var header = HeaderValidator.Check(root, document, issues);
        if (header is null)
        {
            return null;
        }

        var shape = TypeShape.Of(header.Value.Type);
        var validator = new SchemaValidator(document, issues);
        validator.ValidateRoot(root, shape, HeaderValidator.Fields);
        var json = new JsonTreeBuilder(validator.Rejected).Build(root, shape);
        var resource = json is null ? null : ResourceBinder.Bind(json, header.Value.Type, issues);
        if (resource is null)
        {
            return null;
        }

        ResourceRules.Check(resource, new RuleContext(issues, header.Value.ApiVersion));
        return new LoadedDocument(resource, file, start, issues);
    }
}
