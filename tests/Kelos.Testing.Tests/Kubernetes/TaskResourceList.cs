using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Kelos.Testing.Tests.Kubernetes;

/// <summary>A list of <see cref="TaskResource"/>, as the generic client reads it.</summary>
public sealed class TaskResourceList : IKubernetesObject<V1ListMeta>, IItems<TaskResource>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "kelos.dev/v1alpha1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "TaskList";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<TaskResource> Items { get; set; } = [];
}
