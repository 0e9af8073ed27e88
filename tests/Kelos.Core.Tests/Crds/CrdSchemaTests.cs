using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kelos.Core.Loading;
using Kelos.Testing;

namespace Kelos.Core.Tests.Crds;

/// <summary>
/// What the committed CRDs let through: they are structural (or the API server refuses them), every example and
/// shipped spawner applies to them, and they agree with the loader on the rules both check.
/// </summary>
public class CrdSchemaTests
{
    private static readonly string Root = RepositoryRoot.Find();

    public static TheoryData<string> CrdFiles() => new(CrdDocument.Kinds.Select(k => k.FileName));

    public static TheoryData<int, string, bool> RuleSamples()
    {
        var data = new TheoryData<int, string, bool>();
        for (var i = 0; i < CrdFieldRules.All.Count; i++)
        {
            foreach (var sample in CrdFieldRules.All[i].Accepted)
            {
                data.Add(i, sample, true);
            }

            foreach (var sample in CrdFieldRules.All[i].Rejected)
            {
                data.Add(i, sample, false);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CrdFiles))]
    public void CommittedCrd_IsStructural(string file)
    {
        var crd = Assert.Single(YamlText.Parse(File.ReadAllText(Path.Combine(Root, "deploy", "crds", file))));
        var problems = new List<string>();
        foreach (var version in crd["spec"]!["versions"]!.AsArray())
        {
            var schema = version!["schema"]!["openAPIV3Schema"]!.AsObject();
            CheckStructural(schema, $"{version["name"]}", problems);
            Assert.Equal(
                new JsonObject { ["type"] = "object" }.ToJsonString(),
                schema["properties"]!["metadata"]!.ToJsonString());
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void ExamplesAndShippedSpawners_ApplyToTheCommittedCrds()
    {
        var schemas = CrdDocument.Kinds.ToDictionary(
            k => k.Kind,
            k => Assert.Single(YamlText.Parse(File.ReadAllText(Path.Combine(Root, "deploy", "crds", k.FileName))))["spec"]!["versions"]!.AsArray());
        var files = new[] { "examples", "deploy/spawners" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(Root, d), "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .ToList();
        var problems = new List<string>();
        var checkedDocuments = 0;
        foreach (var file in files)
        {
            foreach (var document in YamlText.Parse(File.ReadAllText(file)))
            {
                var apiVersion = document["apiVersion"]?.GetValue<string>() ?? "";
                if (!apiVersion.StartsWith(CrdDocument.Group + "/", StringComparison.Ordinal))
                {
                    continue;
                }

                var kind = document["kind"]!.GetValue<string>();
                var version = schemas[kind].Single(v => $"{CrdDocument.Group}/{v!["name"]}" == apiVersion)!;
                var schema = version["schema"]!["openAPIV3Schema"]!.AsObject();
                var relative = Path.GetRelativePath(Root, file);
                problems.AddRange(StructuralValidator.Validate(document, schema).Select(p => $"{relative}: {kind} {document["metadata"]?["name"]}: {p}"));
                checkedDocuments++;
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(checkedDocuments >= 20, $"only {checkedDocuments} Kelos documents found under examples/ and deploy/spawners/");
    }

    [Theory]
    [MemberData(nameof(RuleSamples))]
    public void FieldRule_LoaderAndCrdAgree(int rule, string sample, bool accepted)
    {
        var fieldRule = CrdFieldRules.All[rule];
        var yaml = fieldRule.LoaderDocument.Replace(CrdFieldRule.Placeholder, sample, StringComparison.Ordinal);
        var loaded = ResourceLoader.LoadText(yaml, "sample.yaml");
        Assert.True(loaded.Ok == accepted, $"the loader {(loaded.Ok ? "accepts" : "rejects")} {sample} for {fieldRule}: {string.Join("; ", loaded.Errors)}");

        // The field's schema as the generator writes it into the CRDs.
        var value = Assert.Single(YamlText.Parse($"value: {sample}\n"))["value"];
        var schema = new CrdSchemaBuilder().Resource(fieldRule.Owner)["properties"]![fieldRule.Field]!.AsObject();
        var problems = StructuralValidator.Validate(fieldRule.OnItems ? new JsonArray(value?.DeepClone()) : value, schema, "value");
        Assert.True(problems.Count == 0 == accepted, $"the CRD {(problems.Count == 0 ? "accepts" : "rejects")} {sample} for {fieldRule}: {string.Join("; ", problems)}");
    }

    [Fact]
    public void CelRules_TheLoaderRejectsAndAcceptsTheSame()
    {
        foreach (var rule in CrdCelRules.All)
        {
            var rejected = ResourceLoader.LoadText(rule.Rejected, "rejected.yaml");
            var accepted = ResourceLoader.LoadText(rule.Accepted, "accepted.yaml");

            Assert.False(rejected.Ok, $"the loader accepts what \"{rule.Rule}\" rejects");
            Assert.True(accepted.Ok, string.Join("; ", accepted.Errors));
        }
    }

    [Fact]
    public void KubernetesRequiredFields_NameFieldsTheTypesHave()
    {
        foreach (var (type, fields) in KubernetesRequiredFields.All)
        {
            var names = CrdSchemaBuilder.Fields(type).Select(f => f.Name).ToList();
            Assert.All(fields, f => Assert.Contains(f, names));
        }
    }

    [Fact]
    public void Builder_FieldAddedToAType_AppearsWithItsType()
    {
        var schema = new CrdSchemaBuilder().Resource(typeof(Probe));

        var spec = schema["properties"]!["spec"]!;
        Assert.Equal("""{"type":"integer","format":"int32","minimum":1}""", spec["properties"]!["added"]!.ToJsonString());
        Assert.Equal("""{"type":"array","items":{"type":"string"}}""", spec["properties"]!["tags"]!.ToJsonString());
        Assert.Equal("""["spec"]""", schema["required"]!.ToJsonString());
    }

    [Fact]
    public void TextDiff_ShowsTheChangedLinesWithContext()
    {
        var diff = TextDiff.Describe("a\nb\nc\nd\n", "a\nb\nx\nc\nd\n", "file", "generated");

        Assert.Equal("--- file\n+++ generated\n@@ line 1 @@\n  a\n  b\n+ x\n  c\n  d\n  \n", diff!.ReplaceLineEndings("\n"));
    }

    private static void CheckStructural(JsonObject node, string path, List<string> problems)
    {
        var intOrString = node["x-kubernetes-int-or-string"]?.GetValue<bool>() == true;
        var preserve = node["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
        if (node["type"] is null && !intOrString && !preserve)
        {
            problems.Add($"{path}: no type");
        }

        if (node.ContainsKey("properties") && node.ContainsKey("additionalProperties"))
        {
            problems.Add($"{path}: both properties and additionalProperties");
        }

        if (node["anyOf"] is JsonArray anyOf && (!intOrString || anyOf.Any(a => a!.AsObject().Any(p => p.Key != "type"))))
        {
            problems.Add($"{path}: anyOf is only allowed as int-or-string");
        }

        foreach (var key in new[] { "allOf", "oneOf", "not", "$ref", "default" })
        {
            if (node.ContainsKey(key))
            {
                problems.Add($"{path}: uses {key}");
            }
        }

        foreach (var (name, child) in node["properties"] as JsonObject ?? [])
        {
            CheckStructural(child!.AsObject(), $"{path}.{name}", problems);
        }

        if (node["items"] is JsonObject items)
        {
            CheckStructural(items, $"{path}[]", problems);
        }

        if (node["additionalProperties"] is JsonObject additional)
        {
            CheckStructural(additional, $"{path}{{}}", problems);
        }
    }

    /// <summary>A resource type as someone might add one, to show that its fields reach the schema.</summary>
    private sealed class Probe : Kelos.Core.Resources.KelosResource
    {
        [System.ComponentModel.DataAnnotations.Required]
        [JsonPropertyName("spec")]
        public ProbeSpec Spec { get; set; } = new();
    }

    private sealed class ProbeSpec
    {
        [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
        [JsonPropertyName("added")]
        public int? Added { get; set; }

        [JsonPropertyName("tags")]
        public List<string>? Tags { get; set; }
    }
}
