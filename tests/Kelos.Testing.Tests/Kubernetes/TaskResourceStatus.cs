using System.Text.Json.Serialization;

namespace Kelos.Testing.Tests.Kubernetes;

/// <summary>The Task status fields these tests set.</summary>
public sealed class TaskResourceStatus
{
    [JsonPropertyName("phase")]
    public string? Phase { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
