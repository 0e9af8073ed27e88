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
    [JsonPropertyOrder(-3)]
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    [JsonPropertyOrder(-2)]
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [Required]
    [JsonPropertyOrder(-1)]
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonIgnore]
    public string Name => Metadata.Name ?? "";
}
