using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kelos.Core.Resources;

/// <summary>
/// <c>when</c>: exactly one source. Upstream's <c>jira</c>, <c>linearWebhook</c>, <c>webhook</c> and <c>slack</c>
/// are recognised so that their files get a clear "not supported" error rather than "unknown field".
/// </summary>
public sealed class SpawnerSources
{
    [JsonPropertyName("githubWebhook")]
    public GitHubWebhookSource? GitHubWebhook { get; set; }

    [JsonPropertyName("githubIssues")]
    public GitHubPollSource? GitHubIssues { get; set; }

    [JsonPropertyName("githubPullRequests")]
    public GitHubPollSource? GitHubPullRequests { get; set; }

    [JsonPropertyName("cron")]
    public CronSource? Cron { get; set; }

    [JsonPropertyName("jira")]
    public JsonElement? Jira { get; set; }

    [JsonPropertyName("linearWebhook")]
    public JsonElement? LinearWebhook { get; set; }

    [JsonPropertyName("webhook")]
    public JsonElement? Webhook { get; set; }

    [JsonPropertyName("slack")]
    public JsonElement? Slack { get; set; }
}

public sealed class CronSource
{
    [Required]
    [JsonPropertyName("schedule")]
    public string Schedule { get; set; } = "";
}

public sealed class GitHubWebhookSource
{
    [JsonPropertyName("events")]
    public List<string>? Events { get; set; }

    [JsonPropertyName("repository")]
    public string? Repository { get; set; }

    [JsonPropertyName("excludeAuthors")]
    public List<string>? ExcludeAuthors { get; set; }

    [JsonPropertyName("filters")]
    public List<GitHubWebhookFilter>? Filters { get; set; }

    /// <summary>
    /// Ours (upstream has it on polling sources only): who may trigger. Default: at least <c>write</c> on the
    /// repository. A refused request gets a reply saying which check failed.
    /// </summary>
    [JsonPropertyName("commentPolicy")]
    public CommentPolicy? CommentPolicy { get; set; }
}

public sealed class GitHubWebhookFilter
{
    [JsonPropertyName("event")]
    public string? Event { get; set; }

    [JsonPropertyName("action")]
    public string? Action { get; set; }

    [JsonPropertyName("bodyPattern")]
    public string? BodyPattern { get; set; }

    [JsonPropertyName("excludeBodyPatterns")]
    public List<string>? ExcludeBodyPatterns { get; set; }

    [JsonPropertyName("labels")]
    public List<string>? Labels { get; set; }

    [JsonPropertyName("excludeLabels")]
    public List<string>? ExcludeLabels { get; set; }

    [JsonPropertyName("state")]
    public string? State { get; set; }

    [JsonPropertyName("branch")]
    public string? Branch { get; set; }

    [JsonPropertyName("draft")]
    public bool? Draft { get; set; }

    [AllowedValues("Issue", "PullRequest")]
    [JsonPropertyName("commentOn")]
    public string? CommentOn { get; set; }

    [JsonPropertyName("author")]
    public string? Author { get; set; }

    [JsonPropertyName("conclusion")]
    public string? Conclusion { get; set; }

    [JsonPropertyName("checkName")]
    public string? CheckName { get; set; }
}

/// <summary>Polling source for issues or pull requests (clusters with no public ingress).</summary>
public sealed class GitHubPollSource
{
    [JsonPropertyName("repo")]
    public string? Repo { get; set; }

    [JsonPropertyName("labels")]
    public List<string>? Labels { get; set; }

    [JsonPropertyName("excludeLabels")]
    public List<string>? ExcludeLabels { get; set; }

    [AllowedValues("open", "closed", "all")]
    [JsonPropertyName("state")]
    public string? State { get; set; }

    [JsonPropertyName("assignee")]
    public string? Assignee { get; set; }

    [JsonPropertyName("author")]
    public string? Author { get; set; }

    [JsonPropertyName("excludeAuthors")]
    public List<string>? ExcludeAuthors { get; set; }

    [JsonPropertyName("reviewState")]
    public string? ReviewState { get; set; }

    [JsonPropertyName("draft")]
    public bool? Draft { get; set; }

    [JsonPropertyName("pollInterval")]
    public string? PollInterval { get; set; }

    [JsonPropertyName("commentPolicy")]
    public CommentPolicy? CommentPolicy { get; set; }
}

public sealed class CommentPolicy
{
    [JsonPropertyName("triggerComment")]
    public string? TriggerComment { get; set; }

    [JsonPropertyName("excludeComments")]
    public List<string>? ExcludeComments { get; set; }

    [JsonPropertyName("allowedUsers")]
    public List<string>? AllowedUsers { get; set; }

    [JsonPropertyName("allowedTeams")]
    public List<string>? AllowedTeams { get; set; }

    [AllowedValues("read", "triage", "write", "maintain", "admin")]
    [JsonPropertyName("minimumPermission")]
    public string? MinimumPermission { get; set; }
}
