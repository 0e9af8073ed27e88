using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s.Models;

namespace Kelos.Core.Resources;

/// <summary>
/// A Kubernetes-shaped object: <c>apiVersion</c>, <c>kind</c>, <c>metadata</c>. The four Kelos kinds and
/// core <c>v1</c> Secret derive from it, so the same YAML works with <c>kubectl</c> and with <c>kelos</c>.
/// </summary>
public abstract class KelosResource
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [Required]
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonIgnore]
    public string Name => Metadata.Name ?? "";
}
