using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Kelos.Testing.Tests.Kubernetes;

/// <summary>A kelos.dev/v1alpha1 Task as the generic client sees it: just the fields these tests touch.</summary>
public sealed class TaskResource : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "kelos.dev/v1alpha1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "Task";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public TaskResourceSpec? Spec { get; set; }

    [JsonPropertyName("status")]
    public TaskResourceStatus? Status { get; set; }
}
