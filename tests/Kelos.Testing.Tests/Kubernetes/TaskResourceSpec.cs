using System.Text.Json.Serialization;

namespace Kelos.Testing.Tests.Kubernetes;

/// <summary>The Task spec fields these tests set.</summary>
public sealed class TaskResourceSpec
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("prompt")]
    public string? Prompt { get; set; }
}
