using System.Text.Json.Serialization;

namespace Kelos.Core.Resources;

/// <summary>The observed state of a Task. Only the controller writes it.</summary>
public sealed class KelosTaskStatus
{
    [JsonPropertyName("phase")]
    public string? Phase { get; set; }

    [JsonPropertyName("jobName")]
    public string? JobName { get; set; }

    [JsonPropertyName("podName")]
    public string? PodName { get; set; }

    [JsonPropertyName("startTime")]
    public DateTimeOffset? StartTime { get; set; }

    [JsonPropertyName("completionTime")]
    public DateTimeOffset? CompletionTime { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("outputs")]
    public List<string>? Outputs { get; set; }

    [JsonPropertyName("results")]
    public Dictionary<string, string>? Results { get; set; }

    [JsonPropertyName("usage")]
    public TaskUsage? Usage { get; set; }

    [JsonPropertyName("cancelledBy")]
    public string? CancelledBy { get; set; }
}
