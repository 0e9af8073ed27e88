using Kelos.Core.Resources;

namespace Kelos.Core.Tests.Loading;

public class TaskSpawnerRuleTests
{
    /// <summary>A TaskSpawner without <c>when</c>; tests append <c>  when:</c> and more from line 10.</summary>
    private const string Spawner = """
        apiVersion: kelos.dev/v1alpha1
        kind: TaskSpawner
        metadata:
          name: s
        spec:
          taskTemplate:
            type: codex
            credentials: {type: none}
            promptTemplate: hi

        """;

    private const string Cron = Spawner + "  when:\n    cron:\n      schedule: \"*/5 * * * *\"\n";

    [Fact]
    public void LoadText_NoSource_IsReported()
    {
        LoadAssert.SingleError(
            Spawner + "  when: {}\n",
            10,
            3,
            "spec.when",
            "when needs exactly one source (githubWebhook, githubIssues, githubPullRequests, cron); none is set");
    }

    [Fact]
    public void LoadText_TwoSources_IsReported()
    {
        LoadAssert.SingleError(
            Cron + "    githubIssues: {repo: a/b}\n",
            10,
            3,
            "spec.when",
            "when needs exactly one source; found 2: githubIssues, cron");
    }

    [Theory]
    [InlineData("jira")]
    [InlineData("linearWebhook")]
    [InlineData("webhook")]
    [InlineData("slack")]
    public void LoadText_UpstreamOnlySource_IsNotSupported(string source)
    {
        LoadAssert.SingleError(
            Spawner + $"  when:\n    {source}:\n      anything: [1, 2]\n",
            11,
            5,
            $"spec.when.{source}",
            $"source {source} is not supported by this Kelos (supported: githubWebhook, githubIssues, githubPullRequests, cron)");
    }

    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("0 9 * * MON-FRI")]
    [InlineData("0 0 1,15 * *")]
    [InlineData("30 2 * jan,JUL SUN")]
    [InlineData("0 0 * * 7")]
    [InlineData("0-30/10 8-18 ? * 1-5")]
    public void LoadText_ValidCronSchedule_Loads(string schedule)
    {
        var spawner = LoadAssert.Single<TaskSpawner>(Cron.Replace("*/5 * * * *", schedule, StringComparison.Ordinal));

        Assert.Equal(schedule, spawner.Spec.When.Cron!.Schedule);
    }

    [Theory]
    [InlineData("* * * *", "must have 5 fields (minute hour day-of-month month day-of-week)")]
    [InlineData("@daily", "must have 5 fields")]
    [InlineData("60 * * * *", "minute field \"60\" is not valid: use numbers 0-59")]
    [InlineData("*/0 * * * *", "minute field \"*/0\" has an invalid step \"0\"")]
    [InlineData("0 0 32 * *", "day-of-month field \"32\" is not valid: use numbers 1-31")]
    [InlineData("0 0 * 13 *", "month field \"13\" is not valid: use numbers 1-12 or names JAN-DEC")]
    [InlineData("0 0 * * FUNDAY", "day-of-week field \"FUNDAY\" is not valid: use numbers 0-7 or names SUN-SAT")]
    [InlineData("5-1 * * * *", "has a range that ends before it starts (5-1)")]
    public void LoadText_InvalidCronSchedule_SaysWhichField(string schedule, string message)
    {
        LoadAssert.SingleError(Cron.Replace("*/5 * * * *", schedule, StringComparison.Ordinal), 12, 17, "spec.when.cron.schedule", message);
    }

    [Fact]
    public void LoadText_RegexThatDoesNotCompile_ReportsTheRegexError()
    {
        var result = LoadAssert.Load(Spawner + """
              when:
                githubWebhook:
                  events: [issue_comment]
                  filters:
                    - bodyPattern: "^/kelos (fix"
                      excludeBodyPatterns: ["ok", "[a-"]
            """);

        Assert.Equal(2, result.Errors.Count);
        LoadAssert.At(result.Errors[0], 14, 24, "spec.when.githubWebhook.filters[0].bodyPattern", "invalid regular expression: ");
        Assert.Contains("Not enough )'s", result.Errors[0].Message, StringComparison.Ordinal);
        LoadAssert.At(result.Errors[1], 15, 39, "spec.when.githubWebhook.filters[0].excludeBodyPatterns[1]", "invalid regular expression: ");
    }

    [Fact]
    public void LoadText_InvalidPollInterval_IsReported()
    {
        LoadAssert.SingleError(
            Spawner + "  when:\n    githubIssues:\n      pollInterval: 5 minutes\n",
            12,
            21,
            "spec.when.githubIssues.pollInterval",
            "pollInterval \"5 minutes\" is not a duration");
    }

    [Fact]
    public void LoadText_MissingPromptTemplate_IsReported()
    {
        LoadAssert.SingleError(
            Cron.Replace("    promptTemplate: hi\n", "", StringComparison.Ordinal),
            6,
            3,
            "spec.taskTemplate.promptTemplate",
            "missing required field \"promptTemplate\"");
    }

    [Fact]
    public void LoadText_TemplatesThatDoNotCompile_EachIsReported()
    {
        var yaml = Cron
            .Replace("promptTemplate: hi", "promptTemplate: \"Fix {{ if eq .State \\\"open\\\" }}it{{ end }}\"", StringComparison.Ordinal)
            .Replace("    credentials: {type: none}\n", "    credentials: {type: none}\n    branch: \"kelos/{{ for }}\"\n    nameTemplate: \"{{ len .Labels }}\"\n", StringComparison.Ordinal);

        var result = LoadAssert.Load(yaml);

        Assert.Equal(3, result.Errors.Count);
        LoadAssert.At(result.Errors[0], 9, 13, "spec.taskTemplate.branch", "template does not compile: line 1, column");
        LoadAssert.At(result.Errors[1], 10, 19, "spec.taskTemplate.nameTemplate", "e.g. {{ labels.size }}");
        LoadAssert.At(
            result.Errors[2],
            11,
            21,
            "spec.taskTemplate.promptTemplate",
            "template does not compile: line 1, column 5: Go template action {{ if eq .State \"open\" }} is not supported; write it in Scriban, e.g. {{ if state == \"open\" }}");
    }

    [Fact]
    public void LoadText_TemplateWithoutCredentialsAndNoPool_IsReported()
    {
        LoadAssert.SingleError(
            Cron.Replace("    credentials: {type: none}\n", "", StringComparison.Ordinal),
            6,
            3,
            "spec.taskTemplate.credentials",
            "missing required field \"credentials\"");
    }

    [Fact]
    public void LoadText_CredentialsPool_MakesTemplateCredentialsOptional()
    {
        var yaml = Cron.Replace("    credentials: {type: none}\n", "", StringComparison.Ordinal)
            + "  credentials:\n    - type: api-key\n      secretRef: {name: key-a}\n";

        var spawner = LoadAssert.Single<TaskSpawner>(yaml);

        Assert.Equal("key-a", Assert.Single(spawner.Spec.Credentials!).SecretRef?.Name);
    }

    [Fact]
    public void LoadText_PoolCredentialsWithoutSecretRef_IsReported()
    {
        LoadAssert.SingleError(Cron + "  credentials:\n    - type: oauth\n", 14, 7, "spec.credentials[0].secretRef", "missing required field \"secretRef\"");
    }
}
