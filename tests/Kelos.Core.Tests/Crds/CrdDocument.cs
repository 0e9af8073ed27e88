using System.Text.Json.Nodes;
using Kelos.Core.Resources;

namespace Kelos.Core.Tests.Crds;

/// <summary>
/// The CustomResourceDefinitions of the four Kelos kinds, generated from the C# types. Both versions the loader
/// accepts are served with the same schema (the types are the same; the loader folds <c>worker</c> into the flat
/// fields and rejects the v1alpha1-only <c>agentConfigRef</c> under v1alpha2). v1alpha1 is stored; with no
/// conversion webhook Kubernetes only rewrites <c>apiVersion</c> between them, which is exact when the schemas match.
/// </summary>
internal static class CrdDocument
{
    public const string Group = ResourceKinds.Group;

    public const string StorageVersion = "v1alpha1";

    public static readonly IReadOnlyList<string> Versions = ResourceKinds.KelosVersions.Select(v => v[(Group.Length + 1)..]).ToList();

    public static readonly IReadOnlyList<string> Categories = ["kelos"];

    private const string Age = ".metadata.creationTimestamp";

    public static readonly IReadOnlyList<CrdKind> Kinds =
    [
        new(
            ResourceKinds.Task, typeof(KelosTask), "tasks", ["kt"],
            [
                new("Type", "string", ".spec.type"),
                new("Phase", "string", ".status.phase"),
                new("Branch", "string", ".spec.branch"),
                new("Age", "date", Age),
                new("Message", "string", ".status.message"),
                new("Depends On", "string", ".spec.dependsOn", 1),
                new("Job", "string", ".status.jobName", 1),
                new("Model", "string", ".spec.model", 1),
            ]),
        new(
            ResourceKinds.Workspace, typeof(Workspace), "workspaces", ["ws"],
            [
                new("Repo", "string", ".spec.repo"),
                new("Ref", "string", ".spec.ref"),
                new("Age", "date", Age),
            ]),
        new(
            ResourceKinds.AgentConfig, typeof(AgentConfig), "agentconfigs", ["ac"],
            [
                new("Age", "date", Age),
            ]),
        new(
            ResourceKinds.TaskSpawner, typeof(TaskSpawner), "taskspawners", ["ts"],
            [
                new("Phase", "string", ".status.phase"),
                new("Suspended", "boolean", ".spec.suspend"),
                new("Active", "integer", ".status.activeTasks"),
                new("Created", "integer", ".status.totalTasksCreated"),
                new("Age", "date", Age),
                new("Last Discovery", "date", ".status.lastDiscoveryTime", 1),
                new("Message", "string", ".status.message", 1),
            ]),
    ];

    /// <summary>The text of <c>deploy/crds/{plural}.kelos.dev.yaml</c>.</summary>
    public static string Render(CrdKind kind) =>
        $"""
        # {kind.Kind}: generated from {kind.Type.FullName} and the types it uses (src/Kelos.Core/Resources) by
        # tests/Kelos.Core.Tests/Crds. Do not edit: change the C# type, then regenerate with
        #   KELOS_UPDATE_CRDS=1 dotnet test tests/Kelos.Core.Tests --filter FullyQualifiedName~Crds

        """ + YamlText.From(Build(kind));

    /// <summary>The CustomResourceDefinition object.</summary>
    public static JsonObject Build(CrdKind kind)
    {
        var schema = new CrdSchemaBuilder().Resource(kind.Type);
        var versions = new JsonArray();
        foreach (var version in Versions)
        {
            var entry = new JsonObject
            {
                ["name"] = version,
                ["served"] = true,
                ["storage"] = version == StorageVersion,
                ["additionalPrinterColumns"] = Columns(kind),
            };
            if (kind.HasStatus)
            {
                entry["subresources"] = new JsonObject { ["status"] = new JsonObject() };
            }

            entry["schema"] = new JsonObject { ["openAPIV3Schema"] = schema.DeepClone() };
            versions.Add(entry);
        }

        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject
            {
                ["name"] = kind.CrdName,
                ["labels"] = new JsonObject { ["app.kubernetes.io/part-of"] = "kelos" },
            },
            ["spec"] = new JsonObject
            {
                ["group"] = Group,
                ["scope"] = "Namespaced",
                ["names"] = new JsonObject
                {
                    ["kind"] = kind.Kind,
                    ["listKind"] = kind.Kind + "List",
                    ["plural"] = kind.Plural,
                    ["singular"] = kind.Singular,
                    ["shortNames"] = Strings(kind.ShortNames),
                    ["categories"] = Strings(Categories),
                },
                ["versions"] = versions,
            },
        };
    }

    private static JsonArray Columns(CrdKind kind)
    {
        var columns = new JsonArray();
        foreach (var column in kind.Columns)
        {
            var entry = new JsonObject { ["name"] = column.Name, ["type"] = column.Type, ["jsonPath"] = column.JsonPath };
            if (column.Priority != 0)
            {
                entry["priority"] = column.Priority;
            }

            columns.Add(entry);
        }

        return columns;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
