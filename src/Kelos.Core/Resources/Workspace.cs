using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Kelos.Core.Resources;

/// <summary>The <c>Workspace</c> kind: a git repository to clone before the agent starts.</summary>
public sealed class Workspace : KelosResource
{
    [Required]
    [JsonPropertyName("spec")]
    public WorkspaceSpec Spec { get; set; } = new();
}

public sealed class WorkspaceSpec
{
    [Required]
    [JsonPropertyName("repo")]
    public string Repo { get; set; } = "";

    [JsonPropertyName("ref")]
    public string? Ref { get; set; }

    [JsonPropertyName("secretRef")]
    public NameReference? SecretRef { get; set; }

    [JsonPropertyName("remotes")]
    public List<WorkspaceRemote>? Remotes { get; set; }

    [JsonPropertyName("files")]
    public List<WorkspaceFile>? Files { get; set; }

    [JsonPropertyName("setupCommand")]
    public List<string>? SetupCommand { get; set; }
}

public sealed class WorkspaceRemote
{
    [Required]
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [Required]
    [JsonPropertyName("url")]
    public string Url { get; set; } = "";
}

public sealed class WorkspaceFile
{
    [Required]
    [JsonPropertyName("path")]
    public string Path { get; set; } = "";

    [Required]
    [JsonPropertyName("content")]
    public string Content { get; set; } = "";
}
