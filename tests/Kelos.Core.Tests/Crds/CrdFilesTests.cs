using System.Text;
using System.Text.Json.Nodes;
using Kelos.Testing;

namespace Kelos.Core.Tests.Crds;

/// <summary>
/// Keeps <c>deploy/crds</c> in step with the C# types: each file must be exactly what the generator makes from the
/// types today, so a field added to a type without its schema fails here. <c>KELOS_UPDATE_CRDS=1</c> rewrites them.
/// </summary>
public class CrdFilesTests
{
    /// <summary>What client-side <c>kubectl apply</c> can keep in its last-applied annotation, with room to spare.</summary>
    private const int ClientSideApplyBudget = 200_000;

    private static readonly string Directory = Path.Combine(RepositoryRoot.Find(), "deploy", "crds");

    private static bool Update => Environment.GetEnvironmentVariable("KELOS_UPDATE_CRDS") == "1";

    [Fact]
    public void CrdFiles_MatchTheCSharpTypes()
    {
        var problems = new StringBuilder();
        foreach (var kind in CrdDocument.Kinds)
        {
            var path = Path.Combine(Directory, kind.FileName);
            var generated = CrdDocument.Render(kind);
            if (Update)
            {
                File.WriteAllText(path, generated);
                continue;
            }

            var committed = File.Exists(path) ? File.ReadAllText(path) : "";
            var diff = TextDiff.Describe(committed, generated, $"deploy/crds/{kind.FileName}", $"generated from {kind.Type.Name}");
            if (diff is not null)
            {
                problems.AppendLine(diff);
            }
        }

        Assert.True(
            problems.Length == 0,
            "The CRDs under deploy/crds are out of step with the C# types. Regenerate them with\n"
            + "  KELOS_UPDATE_CRDS=1 dotnet test tests/Kelos.Core.Tests --filter FullyQualifiedName~Crds\n"
            + "and review the change:\n" + problems);
    }

    [Fact]
    public void CrdDirectory_HoldsTheGeneratedFilesAndTheirKustomization()
    {
        var expected = CrdDocument.Kinds.Select(k => k.FileName).Append("kustomization.yaml").Order(StringComparer.Ordinal);
        var actual = System.IO.Directory.EnumerateFiles(Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);

        var kustomization = Assert.Single(YamlText.Parse(File.ReadAllText(Path.Combine(Directory, "kustomization.yaml"))));
        var resources = kustomization["resources"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(CrdDocument.Kinds.Select(k => k.FileName).Order(StringComparer.Ordinal), resources);
    }

    [Fact]
    public void CrdFiles_FitInClientSideApplysAnnotation()
    {
        foreach (var kind in CrdDocument.Kinds)
        {
            var json = CrdDocument.Build(kind).ToJsonString();
            Assert.True(
                json.Length < ClientSideApplyBudget,
                $"{kind.CrdName} is {json.Length} bytes as JSON: `kubectl apply` (client side) stores it in a 256 KiB annotation. "
                + "Keep large Kubernetes types free-form (CrdSchemaBuilder.OpaqueKubernetesTypes).");
        }
    }

    [Fact]
    public void CrdFiles_ParseToTheGeneratedObjects()
    {
        foreach (var kind in CrdDocument.Kinds)
        {
            var parsed = Assert.Single(YamlText.Parse(CrdDocument.Render(kind)));
            Assert.True(JsonNode.DeepEquals(CrdDocument.Build(kind), parsed), $"{kind.FileName} does not read back as written");
        }
    }
}
