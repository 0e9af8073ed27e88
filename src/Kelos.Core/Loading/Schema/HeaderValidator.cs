using Kelos.Core.Loading.Rules;
using Kelos.Core.Loading.Yaml;
using Kelos.Core.Resources;
using YamlDotNet.RepresentationModel;

namespace Kelos.Core.Loading.Schema;

/// <summary>Checks <c>apiVersion</c> and <c>kind</c> of a document and picks the type it binds to.</summary>
internal static class HeaderValidator
{
    public const string ApiVersionField = "apiVersion";
    public const string KindField = "kind";
    public const string CoreV1 = "v1";

    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal) { ApiVersionField, KindField };

    private static readonly string SupportedKinds = string.Join(", ", ResourceKinds.Types.Keys);

    /// <summary>The kind and its type, or null when the kind is missing or unknown (the document is then not checked further).</summary>
    public static (string Kind, Type Type, string ApiVersion)? Check(YamlMappingNode root, ParsedDocument document, DocumentIssues issues)
    {
        var kind = ReadString(root, KindField, document, issues);
        var apiVersion = ReadString(root, ApiVersionField, document, issues);
        if (kind is null)
        {
            return null;
        }

        if (!ResourceKinds.Types.TryGetValue(kind, out var type))
        {
            var suggestion = NearestName.Find(kind, ResourceKinds.Types.Keys);
            var hint = suggestion is null ? "" : $"; did you mean \"{suggestion}\"?";
            issues.SchemaError(issues.Map.ValueAt(KindField), KindField, $"unknown kind \"{kind}\" (supported: {SupportedKinds}){hint}");
            return null;
        }

        IReadOnlyList<string> supported = kind == ResourceKinds.Secret ? [CoreV1] : ResourceKinds.KelosVersions;
        if (apiVersion is not null && !supported.Contains(apiVersion))
        {
            issues.SchemaError(
                issues.Map.ValueAt(ApiVersionField),
                ApiVersionField,
                $"apiVersion \"{apiVersion}\" is not supported for kind {kind} (supported: {string.Join(", ", supported)})");
        }

        return (kind, type, apiVersion ?? "");
    }

    private static string? ReadString(YamlMappingNode root, string field, ParsedDocument document, DocumentIssues issues)
    {
        var entry = root.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: var key } && key == field);
        if (entry.Value is null || entry.Value is YamlScalarNode scalar && YamlScalars.KindOf(scalar) == ScalarKind.Null)
        {
            issues.SchemaError(document.PositionOf(root), field, $"missing required field \"{field}\"");
            return null;
        }

        issues.Map.Add(field, document.PositionOf(entry.Key), document.PositionOf(entry.Value));
        if (entry.Value is not YamlScalarNode { Value: { } text } valueScalar || YamlScalars.KindOf(valueScalar) != ScalarKind.String)
        {
            issues.SchemaError(document.PositionOf(entry.Value), field, $"expected string, got {SchemaValidator.Actual(entry.Value)}");
            return null;
        }

        return text;
    }
}
