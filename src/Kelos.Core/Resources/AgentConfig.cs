using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Kelos.Core.Resources;

/// <summary>The <c>AgentConfig</c> kind: reusable instructions, plugins, skills and MCP servers.</summary>
public sealed class AgentConfig : KelosResource
{
    [Required]
    [JsonPropertyName("spec")]
    public AgentConfigSpec Spec { get; set; } = new();
}

public sealed class AgentConfigSpec
{
    [JsonPropertyName("agentsMD")]
    public string? AgentsMd { get; set; }

    [JsonPropertyName("plugins")]
    public List<PluginSpec>? Plugins { get; set; }

    [JsonPropertyName("skills")]
    public List<SkillPackage>? Skills { get; set; }

    [JsonPropertyName("mcpServers")]
    public List<McpServerSpec>? McpServers { get; set; }
}

public sealed class PluginSpec
{
    [Required]
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("skills")]
    public List<NamedContent>? Skills { get; set; }

    [JsonPropertyName("agents")]
    public List<NamedContent>? Agents { get; set; }
}

public sealed class NamedContent
{
    [Required]
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [Required]
    [JsonPropertyName("content")]
    public string Content { get; set; } = "";
}

public sealed class SkillPackage
{
    [Required]
    [JsonPropertyName("source")]
    public string Source { get; set; } = "";

    [JsonPropertyName("skill")]
    public string? Skill { get; set; }
}

public sealed class McpServerSpec
{
    [Required]
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [Required]
    [AllowedValues("stdio", "http", "sse")]
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    [JsonPropertyName("command")]
    public string? Command { get; set; }

    [JsonPropertyName("args")]
    public List<string>? Args { get; set; }

    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    [JsonPropertyName("headersFrom")]
    public SecretSource? HeadersFrom { get; set; }

    [JsonPropertyName("env")]
    public Dictionary<string, string>? Env { get; set; }

    [JsonPropertyName("envFrom")]
    public SecretSource? EnvFrom { get; set; }
}

/// <summary>Values taken from every key of a Secret.</summary>
public sealed class SecretSource
{
    [Required]
    [JsonPropertyName("secretRef")]
    public NameReference SecretRef { get; set; } = new();
}
