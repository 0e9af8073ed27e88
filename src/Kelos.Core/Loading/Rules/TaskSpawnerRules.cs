using System.Text.RegularExpressions;
using Kelos.Core.Resources;

namespace Kelos.Core.Loading.Rules;

/// <summary>Rules for a TaskSpawner: exactly one supported source, valid schedules and patterns, compiling templates.</summary>
internal static partial class TaskSpawnerRules
{
    private const string Supported = "githubWebhook, githubIssues, githubPullRequests, cron";

    public static void Check(TaskSpawner spawner, RuleContext context)
    {
        var spec = spawner.Spec;
        CheckSources(spec.When, context);
        for (var i = 0; i < (spec.Credentials?.Count ?? 0); i++)
        {
            AgentRunRules.CheckCredentials(spec.Credentials![i], $"spec.credentials[{i}]", context);
        }

        var template = spec.TaskTemplate;
        const string path = "spec.taskTemplate";
        AgentRunRules.Check(template, path, context, selfName: null, credentialsOptional: spec.Credentials is { Count: > 0 });
        if (string.IsNullOrEmpty(template.PromptTemplate))
        {
            context.ErrorAtKey($"{path}.promptTemplate", "missing required field \"promptTemplate\"");
        }

        TemplateRules.Check(template.PromptTemplate, $"{path}.promptTemplate", context);
        TemplateRules.Check(template.Branch, $"{path}.branch", context);
        TemplateRules.Check(template.NameTemplate, $"{path}.nameTemplate", context);
    }

    private static void CheckSources(SpawnerSources when, RuleContext context)
    {
        (string Name, bool Set, bool IsSupported)[] sources =
        [
            ("githubWebhook", when.GitHubWebhook is not null, true),
            ("githubIssues", when.GitHubIssues is not null, true),
            ("githubPullRequests", when.GitHubPullRequests is not null, true),
            ("cron", when.Cron is not null, true),
            ("jira", when.Jira is not null, false),
            ("linearWebhook", when.LinearWebhook is not null, false),
            ("webhook", when.Webhook is not null, false),
            ("slack", when.Slack is not null, false),
        ];
        var set = sources.Where(s => s.Set).ToList();
        if (set.Count == 0)
        {
            context.ErrorAtKey("spec.when", $"when needs exactly one source ({Supported}); none is set");
        }
        else if (set.Count > 1)
        {
            context.ErrorAtKey("spec.when", $"when needs exactly one source; found {set.Count}: {string.Join(", ", set.Select(s => s.Name))}");
        }

        foreach (var source in set.Where(s => !s.IsSupported))
        {
            context.ErrorAtKey($"spec.when.{source.Name}", $"source {source.Name} is not supported by this Kelos (supported: {Supported})");
        }

        CheckCron(when.Cron, context);
        CheckWebhook(when.GitHubWebhook, context);
        CheckPolling(when.GitHubIssues, "spec.when.githubIssues", context);
        CheckPolling(when.GitHubPullRequests, "spec.when.githubPullRequests", context);
    }

    private static void CheckCron(CronSource? cron, RuleContext context)
    {
        var problem = cron is null || cron.Schedule.Length == 0 ? null : CronSchedule.Problem(cron.Schedule);
        if (problem is not null)
        {
            context.Error("spec.when.cron.schedule", problem);
        }
    }

    private static void CheckWebhook(GitHubWebhookSource? webhook, RuleContext context)
    {
        for (var i = 0; i < (webhook?.Filters?.Count ?? 0); i++)
        {
            var filter = webhook!.Filters![i];
            var path = $"spec.when.githubWebhook.filters[{i}]";
            CheckPattern(filter.BodyPattern, $"{path}.bodyPattern", context);
            for (var j = 0; j < (filter.ExcludeBodyPatterns?.Count ?? 0); j++)
            {
                CheckPattern(filter.ExcludeBodyPatterns![j], $"{path}.excludeBodyPatterns[{j}]", context);
            }
        }
    }

    private static void CheckPolling(GitHubPollSource? source, string path, RuleContext context)
    {
        if (source?.PollInterval is { } interval && !DurationPattern().IsMatch(interval))
        {
            context.Error($"{path}.pollInterval", $"pollInterval \"{interval}\" is not a duration (e.g. 30s, 5m, 1h30m)");
        }
    }

    private static void CheckPattern(string? pattern, string path, RuleContext context)
    {
        if (pattern is null)
        {
            return;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            context.Error(path, $"invalid regular expression: {e.Message}");
        }
    }

    /// <summary>A Go duration: <c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>1.5h</c>.</summary>
    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex DurationPattern();
}
