using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Kelos.Core.Resources;

/// <summary>A reference to another resource of the same namespace by name.</summary>
public sealed class NameReference
{
    [Required]
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}
