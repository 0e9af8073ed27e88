using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Kelos.Core.Resources;

/// <summary>How the agent authenticates with its model provider.</summary>
public sealed class Credentials
{
    public const string ApiKey = "api-key";
    public const string OAuth = "oauth";
    public const string None = "none";

    [Required]
    [AllowedValues(ApiKey, OAuth, None)]
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    [JsonPropertyName("secretRef")]
    public NameReference? SecretRef { get; set; }
}
