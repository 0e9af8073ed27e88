using System.Text.Json.Serialization;

namespace Kelos.Core.Resources;

/// <summary>
/// The <c>kelos.dev/v1alpha2</c> <c>worker</c> block: the agent fields grouped. Either this block or the flat
/// fields, not both; the loader folds it into the flat fields.
/// </summary>
public sealed class WorkerSpec
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

    [JsonPropertyName("agentConfigRefs")]
    public List<NameReference>? AgentConfigRefs { get; set; }

    [JsonPropertyName("podOverrides")]
    public PodOverrides? PodOverrides { get; set; }
}
