using System.Text.Json.Serialization;

namespace Kelos.Core.Resources;

/// <summary>
/// Core <c>v1</c> Secret, for credentials. <c>data</c> is base64 as in Kubernetes; <c>stringData</c> is plain text
/// and is folded into <c>data</c> on apply. Values are never printed.
/// </summary>
public sealed class Secret : KelosResource
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("data")]
    public Dictionary<string, string>? Data { get; set; }

    [JsonPropertyName("stringData")]
    public Dictionary<string, string>? StringData { get; set; }

    [JsonPropertyName("immutable")]
    public bool? Immutable { get; set; }

    /// <summary>The decoded value of a key, or null when the Secret has no such key.</summary>
    public string? Get(string key)
    {
        if (StringData is not null && StringData.TryGetValue(key, out var plain))
        {
            return plain;
        }

        if (Data is not null && Data.TryGetValue(key, out var encoded))
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        }

        return null;
    }
}
