using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using Kelos.Core.Resources;

namespace Kelos.Core.Store;

/// <summary>
/// The one JSON form of a resource (Kubernetes conventions: camelCase, nulls left out, k8s quantities and
/// times as the API server writes them). Used by the state directory and by <c>kelos get -o json</c>.
/// </summary>
public static class ResourceJson
{
    public static string Serialize(KelosResource resource) => KubernetesJson.Serialize(resource);

    public static T Deserialize<T>(string json) where T : KelosResource =>
        KubernetesJson.Deserialize<T>(json) ?? throw new JsonException($"empty {typeof(T).Name} document");

    public static KelosResource Deserialize(string json)
    {
        var kind = JsonNode.Parse(json)?["kind"]?.GetValue<string>()
            ?? throw new JsonException("the document has no kind");
        return kind switch
        {
            ResourceKinds.Task => Deserialize<KelosTask>(json),
            ResourceKinds.Workspace => Deserialize<Workspace>(json),
            ResourceKinds.AgentConfig => Deserialize<AgentConfig>(json),
            ResourceKinds.TaskSpawner => Deserialize<TaskSpawner>(json),
            ResourceKinds.Secret => Deserialize<Secret>(json),
            _ => throw new JsonException($"unknown kind \"{kind}\""),
        };
    }

    public static T Clone<T>(T resource) where T : KelosResource => Deserialize<T>(Serialize(resource));
}
