using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s.Models;

namespace Kelos.Core.Resources;

/// <summary>
/// Changes to the agent's pod. In embedded mode <c>env</c> and <c>activeDeadlineSeconds</c> apply to the local
/// process; the scheduling fields only matter on a cluster.
/// </summary>
public sealed class PodOverrides
{
    [JsonPropertyName("labels")]
    public Dictionary<string, string>? Labels { get; set; }

    [JsonPropertyName("resources")]
    public V1ResourceRequirements? Resources { get; set; }

    [Range(1, long.MaxValue)]
    [JsonPropertyName("activeDeadlineSeconds")]
    public long? ActiveDeadlineSeconds { get; set; }

    [JsonPropertyName("env")]
    public List<V1EnvVar>? Env { get; set; }

    [JsonPropertyName("nodeSelector")]
    public Dictionary<string, string>? NodeSelector { get; set; }

    [JsonPropertyName("tolerations")]
    public List<V1Toleration>? Tolerations { get; set; }

    [JsonPropertyName("affinity")]
    public V1Affinity? Affinity { get; set; }

    [JsonPropertyName("imagePullSecrets")]
    public List<V1LocalObjectReference>? ImagePullSecrets { get; set; }

    [JsonPropertyName("serviceAccountName")]
    public string? ServiceAccountName { get; set; }

    [JsonPropertyName("volumes")]
    public List<V1Volume>? Volumes { get; set; }

    [JsonPropertyName("volumeMounts")]
    public List<V1VolumeMount>? VolumeMounts { get; set; }

    [JsonPropertyName("podSecurityContext")]
    public V1PodSecurityContext? PodSecurityContext { get; set; }

    [JsonPropertyName("containerSecurityContext")]
    public V1SecurityContext? ContainerSecurityContext { get; set; }

    [JsonPropertyName("extraContainers")]
    public List<V1Container>? ExtraContainers { get; set; }

    [JsonPropertyName("extraInitContainers")]
    public List<V1Container>? ExtraInitContainers { get; set; }
}
