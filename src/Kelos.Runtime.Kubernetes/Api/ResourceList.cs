using System.Text.Json.Serialization;
using k8s.Models;

namespace Kelos.Runtime.Kubernetes.Api;

/// <summary>A list of custom resources as the API server answers it: <c>metadata.resourceVersion</c> and <c>items</c>.</summary>
public sealed class ResourceList<T>
{
    [JsonPropertyName("metadata")]
    public V1ListMeta? Metadata { get; set; }

    [JsonPropertyName("items")]
    public List<T> Items { get; set; } = [];
}
