using System.Text.Json.Nodes;
using k8s.Models;
using Kelos.Testing;
using YamlDotNet.RepresentationModel;

namespace Kelos.Cli.Tests;

/// <summary>
/// <c>kelos install</c>: the shipped manifest is what <c>kubectl kustomize deploy/install</c> renders
/// (<c>KELOS_UPDATE_INSTALL=1</c> rewrites it), <c>--dry-run</c> prints it, and an install on the API stand-in creates
/// everything by server-side apply and changes nothing the second time.
/// </summary>
public sealed class InstallCommandTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] Crds = ["agentconfigs.kelos.dev", "tasks.kelos.dev", "taskspawners.kelos.dev", "workspaces.kelos.dev"];
    private static readonly string[] Roles = ["kelos-controller", "kelos-reporter", "kelos-webhook"];

    private readonly KelosCli _kelos = new();
    private ClusterStandIn _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ClusterStandIn.StartAsync(_kelos);

    [Fact]
    public async Task InstallManifest_IsWhatKustomizeRenders()
    {
        var root = RepositoryRoot.Find();
        var shipped = Path.Combine(root, "deploy", "install", "install.yaml");
        var rendered = await CommandRunner.RunAsync("kubectl", ["kustomize", "deploy/install"], root, timeout: TimeSpan.FromMinutes(2));
        Assert.True(rendered.ExitCode == 0, $"kubectl kustomize deploy/install failed: {rendered}");
        if (Environment.GetEnvironmentVariable("KELOS_UPDATE_INSTALL") == "1")
        {
            await File.WriteAllTextAsync(shipped, rendered.StandardOutput);
        }

        Assert.True(
            rendered.StandardOutput == await File.ReadAllTextAsync(shipped),
            "deploy/install/install.yaml is out of step with deploy/. Regenerate it with\n"
            + "  KELOS_UPDATE_INSTALL=1 dotnet test tests/Kelos.Cli.Tests --filter FullyQualifiedName~InstallManifest\n"
            + "and rebuild the CLI (it embeds the file).");
    }

    [Fact]
    public async Task DryRun_PrintsTheCrdsAndTheThreeRolesInDependencyOrder()
    {
        var result = await _kelos.RunAsync("install", "--dry-run", "--image", "kelos=registry.example.com/kelos:1.2.3");

        Assert.True(result.ExitCode == 0, result.ToString());
        var objects = Parse(result.StandardOutput);
        Assert.Equal(Crds, Names(objects, "CustomResourceDefinition"));
        Assert.Equal(Roles, Names(objects, "Deployment"));
        Assert.Equal("Namespace", (string?)objects[0]["kind"]);
        Assert.True(objects.FindIndex(o => (string?)o["kind"] == "TaskSpawner") > objects.FindLastIndex(o => (string?)o["kind"] == "Deployment"));
        Assert.All(
            objects.Where(o => (string?)o["kind"] == "Deployment"),
            d => Assert.Equal("registry.example.com/kelos:1.2.3", (string?)d["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]));
        Assert.All(objects.Where(o => o["metadata"]!["namespace"] is not null), o => Assert.Equal("kelos", (string?)o["metadata"]!["namespace"]));
    }

    [Fact]
    public async Task Install_StandIn_CreatesEverythingThenChangesNothing()
    {
        _cluster.Api.Create(new V1Secret { ApiVersion = "v1", Kind = "Secret", Metadata = new() { Name = "kelos-rabbitmq", NamespaceProperty = "team" }, StringData = new Dictionary<string, string> { ["password"] = "real-password" } });

        var first = await _kelos.RunAsync("install", "--kubeconfig", _cluster.Kubeconfig, "-n", "team");
        var second = await _kelos.RunAsync("install", "--kubeconfig", _cluster.Kubeconfig, "-n", "team");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("namespace/team created", first.OutputLines[0]);
        Assert.Contains("customresourcedefinition/tasks.kelos.dev created", first.OutputLines);
        Assert.Contains("deployment/kelos-controller created", first.OutputLines);
        Assert.Contains("secret/kelos-rabbitmq unchanged (exists; kelos install never overwrites a Secret)", first.OutputLines);
        Assert.Contains("secret/kelos-github-app created (a placeholder: put the real values in)", first.OutputLines);
        Assert.Contains("taskspawner/run created", first.OutputLines);
        foreach (var crd in Crds)
        {
            Assert.NotNull(_cluster.Api.GetObject("apiextensions.k8s.io/v1", "customresourcedefinitions", "", crd));
        }

        Assert.Equal(Roles, _cluster.Api.ListObjects("apps/v1", "deployments", "team").Select(d => (string?)d["metadata"]!["name"]));
        Assert.Equal("team", (string?)_cluster.Api.GetObject("rbac.authorization.k8s.io/v1", "rolebindings", "team", "kelos-controller")!["subjects"]![0]!["namespace"]);
        Assert.Equal("real-password", System.Text.Encoding.UTF8.GetString(_cluster.Api.Get<V1Secret>("team", "kelos-rabbitmq")!.Data["password"]));
        Assert.All(
            _cluster.Api.Calls.Where(c => c.Method == "PATCH"),
            c => Assert.True(c.ContentType.StartsWith("application/apply-patch+yaml", StringComparison.Ordinal) && c.Query.Contains("fieldManager=kelos", StringComparison.Ordinal), $"{c.Path}?{c.Query} {c.ContentType}"));

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(first.OutputLines.Count, second.OutputLines.Count);
        Assert.All(second.OutputLines, l => Assert.Contains(" unchanged", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Install_WithoutKubeconfig_SaysHow()
    {
        var result = await _kelos.RunAsync("install");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: kelos install applies to the cluster of --kubeconfig PATH (or prints the manifests with --dry-run)", result.StandardError.Trim());
    }

    private static List<JsonObject> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(d => (JsonObject)ToJson(d.RootNode)!)];
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode s => new JsonArray([.. s.Children.Select(ToJson)]),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    private static List<string?> Names(List<JsonObject> objects, string kind) =>
        [.. objects.Where(o => (string?)o["kind"] == kind).Select(o => (string?)o["metadata"]!["name"]).Order(StringComparer.Ordinal)];

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    public void Dispose() => _kelos.Dispose();
}
