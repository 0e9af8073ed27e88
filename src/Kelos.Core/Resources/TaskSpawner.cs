using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Kelos.Core.Resources;

/// <summary>The <c>TaskSpawner</c> kind: a rule that turns events and schedules into Tasks.</summary>
public sealed class TaskSpawner : KelosResource
{
    [Required]
    [JsonPropertyName("spec")]
    public TaskSpawnerSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public TaskSpawnerStatus? Status { get; set; }
}

public sealed class TaskSpawnerSpec
{
    [Required]
    [JsonPropertyName("when")]
    public SpawnerSources When { get; set; } = new();

    [Required]
    [JsonPropertyName("taskTemplate")]
    public TaskTemplate TaskTemplate { get; set; } = new();

    [Range(1, int.MaxValue)]
    [JsonPropertyName("maxConcurrency")]
    public int? MaxConcurrency { get; set; }

    [Range(1, int.MaxValue)]
    [JsonPropertyName("maxTotalTasks")]
    public int? MaxTotalTasks { get; set; }

    [JsonPropertyName("suspend")]
    public bool? Suspend { get; set; }

    /// <summary>v1alpha2: a pool of credentials, one picked per Task.</summary>
    [JsonPropertyName("credentials")]
    public List<Credentials>? Credentials { get; set; }

    [JsonPropertyName("reporting")]
    public ReportingSpec? Reporting { get; set; }
}

public sealed class TaskTemplate : AgentRunFields
{
    [JsonPropertyName("metadata")]
    public TemplateMetadata? Metadata { get; set; }

    [JsonPropertyName("promptTemplate")]
    public string? PromptTemplate { get; set; }

    [JsonPropertyName("nameTemplate")]
    public string? NameTemplate { get; set; }
}

public sealed class TemplateMetadata
{
    [JsonPropertyName("labels")]
    public Dictionary<string, string>? Labels { get; set; }

    [JsonPropertyName("annotations")]
    public Dictionary<string, string>? Annotations { get; set; }
}

/// <summary>How the reporter answers on GitHub for this spawner's Tasks (see docs/reporting.md).</summary>
public sealed class ReportingSpec
{
    [JsonPropertyName("comments")]
    public CommentReporting? Comments { get; set; }

    /// <summary>Ours: open a pull request for a Task whose branch has commits: <c>draft</c> (default), <c>ready</c> or <c>none</c>.</summary>
    [AllowedValues("draft", "ready", "none")]
    [JsonPropertyName("pullRequest")]
    public string? PullRequest { get; set; }

    /// <summary>Ours: post the agent's final answer as its own comment, as a <c>plan</c> or a <c>review</c>; <c>none</c> (default) keeps it in the tracking comment.</summary>
    [AllowedValues("plan", "review", "none")]
    [JsonPropertyName("answer")]
    public string? Answer { get; set; }

    /// <summary>Ours: a check run on the pull request's head commit for Tasks started from a pull request (default true).</summary>
    [JsonPropertyName("checkRun")]
    public bool? CheckRun { get; set; }

    /// <summary>Ours: 🚀 on the request when the Task succeeds, 😕 when it fails (default true).</summary>
    [JsonPropertyName("reactions")]
    public bool? Reactions { get; set; }
}

public sealed class CommentReporting
{
    [AllowedValues("PerTask", "Sticky")]
    [JsonPropertyName("mode")]
    public string? Mode { get; set; }
}

public sealed class TaskSpawnerStatus
{
    [JsonPropertyName("phase")]
    public string? Phase { get; set; }

    [JsonPropertyName("totalDiscovered")]
    public long? TotalDiscovered { get; set; }

    [JsonPropertyName("totalTasksCreated")]
    public long? TotalTasksCreated { get; set; }

    [JsonPropertyName("activeTasks")]
    public long? ActiveTasks { get; set; }

    [JsonPropertyName("lastDiscoveryTime")]
    public DateTimeOffset? LastDiscoveryTime { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("conditions")]
    public List<k8s.Models.V1Condition>? Conditions { get; set; }
}
