using System.Text.Json.Nodes;
using Kelos.Core.Loading.Yaml;
using YamlDotNet.Serialization;

namespace Kelos.Core.Tests.Crds;

/// <summary>
/// YAML to JSON trees and back, reading scalars the way Kubernetes' YAML reader does (unquoted <c>true</c>, numbers
/// and <c>null</c> are typed; quoted text is a string), so a check on the tree sees what the API server would.
/// </summary>
internal static class YamlText
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    /// <summary>Block-style YAML for a tree, strings quoted where they would otherwise read as another type.</summary>
    public static string From(JsonNode node) => Serializer.Serialize(ToPlain(node));

    /// <summary>Every document of a YAML text (empty documents skipped).</summary>
    public static IReadOnlyList<JsonNode> Parse(string text) => ManifestYaml.Parse(text);

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v => v.GetValue<double>(),
        _ => throw new InvalidOperationException($"unsupported JSON node {node.GetType().Name}"),
    };
}
