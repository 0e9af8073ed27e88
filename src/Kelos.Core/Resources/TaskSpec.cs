using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Kelos.Core.Resources;

/// <summary>One agent run. Immutable once created.</summary>
public sealed class TaskSpec : AgentRunFields
{
    [Required]
    [JsonPropertyName("prompt")]
    public string Prompt { get; set; } = "";
}
