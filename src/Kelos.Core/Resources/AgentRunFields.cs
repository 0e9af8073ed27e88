using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s.Models;

namespace Kelos.Core.Resources;

/// <summary>The fields a Task spec and a TaskSpawner's task template share.</summary>
public abstract class AgentRunFields
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("credentials")]
    public Credentials? Credentials { get; set; }

    [JsonPropertyName("model")]
    public string? Model { get; set; }

    [JsonPropertyName("effort")]
    public string? Effort { get; set; }

    [JsonPropertyName("image")]
    public string? Image { get; set; }

    [JsonPropertyName("workspaceRef")]
    public NameReference? WorkspaceRef { get; set; }

    /// <summary>The single reference of v1alpha1; folded into <see cref="AgentConfigRefs"/> on load.</summary>
    [JsonPropertyName("agentConfigRef")]
    public NameReference? AgentConfigRef { get; set; }

    [JsonPropertyName("agentConfigRefs")]
    public List<NameReference>? AgentConfigRefs { get; set; }

    [JsonPropertyName("dependsOn")]
    public List<string>? DependsOn { get; set; }

    [JsonPropertyName("branch")]
    public string? Branch { get; set; }

    [JsonPropertyName("upstreamRepo")]
    public string? UpstreamRepo { get; set; }

    [Range(0, int.MaxValue)]
    [JsonPropertyName("ttlSecondsAfterFinished")]
    public int? TtlSecondsAfterFinished { get; set; }

    [JsonPropertyName("podOverrides")]
    public PodOverrides? PodOverrides { get; set; }

    [JsonPropertyName("worker")]
    public WorkerSpec? Worker { get; set; }

    [JsonPropertyName("podFailurePolicy")]
    public V1PodFailurePolicy? PodFailurePolicy { get; set; }
}
