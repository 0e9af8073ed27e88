using System.Text.Json.Serialization;

namespace Kelos.Core.Resources;

/// <summary>What the agent run consumed, as the agent reported it.</summary>
public sealed class TaskUsage
{
    [JsonPropertyName("costUSD")]
    public string? CostUsd { get; set; }

    [JsonPropertyName("inputTokens")]
    public long? InputTokens { get; set; }

    [JsonPropertyName("outputTokens")]
    public long? OutputTokens { get; set; }
}
