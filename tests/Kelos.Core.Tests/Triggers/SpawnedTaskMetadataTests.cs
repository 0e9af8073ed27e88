using Kelos.Core.Resources;
using Kelos.Core.Triggers;

namespace Kelos.Core.Tests.Triggers;

public class SpawnedTaskMetadataTests
{
    [Fact]
    public void Build_DefaultName_IsSpawnerEventAndHashOfTheWorkItem()
    {
        var spawner = SampleSpawners.FixCommand();
        var e = SampleEvents.IssueComment("x");

        var first = SpawnedTaskBuilder.Build(spawner, e, null, "comment:9001:1").Name;
        var second = SpawnedTaskBuilder.Build(spawner, e, null, "comment:9001:1").Name;
        var other = SpawnedTaskBuilder.Build(spawner, e, null, "comment:9001:2").Name;

        Assert.Equal("fix-command-issue-comment-" + TaskNames.Hash("comment:9001:1"), first);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Build_LongSpawnerName_NameStaysValid()
    {
        var spawner = SampleSpawners.FixCommand();
        spawner.Metadata.Name = new string('s', 80);

        var name = SpawnedTaskBuilder.Build(spawner, SampleEvents.IssueComment("x"), null, "k").Name;

        Assert.Matches(TaskNamesTests.Dns1123Label(), name);
    }

    [Fact]
    public void Build_NameTemplate_IsRenderedAndSanitized()
    {
        var spawner = SampleSpawners.FixCommand();
        spawner.Spec.TaskTemplate.NameTemplate = "Fix/{{ issue.number }}_{{ issue.title }}";

        Assert.Equal("fix-42-fix-login", SpawnedTaskBuilder.Build(spawner, SampleEvents.IssueComment("x"), null, "k").Name);
    }

    [Fact]
    public void Build_NameTemplateInGoSyntax_IsRendered()
    {
        var spawner = SampleSpawners.FixCommand();
        spawner.Spec.TaskTemplate.NameTemplate = "{{.RepositoryName}}-{{.Number}}";

        Assert.Equal("web-42", SpawnedTaskBuilder.Build(spawner, SampleEvents.IssueComment("x"), null, "k").Name);
    }

    [Fact]
    public void Build_NameTemplateWithNothingUsable_ThrowsTriggerException()
    {
        var spawner = SampleSpawners.FixCommand();
        spawner.Spec.TaskTemplate.NameTemplate = "{{ comment_url | string.slice 0 0 }}--";

        var error = Assert.Throws<TriggerException>(() => SpawnedTaskBuilder.Build(spawner, SampleEvents.IssueComment("x"), null, "k"));

        Assert.Contains("nameTemplate", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("promptTemplate")]
    [InlineData("branch")]
    [InlineData("nameTemplate")]
    public void Build_TemplateThatDoesNotRender_ThrowsTriggerExceptionNamingTheField(string field)
    {
        var spawner = SampleSpawners.FixCommand();
        var template = spawner.Spec.TaskTemplate;
        const string broken = "{{ pull_request.head_branch }}";
        _ = field switch
        {
            "promptTemplate" => template.PromptTemplate = broken,
            "branch" => template.Branch = broken,
            _ => template.NameTemplate = broken,
        };

        var error = Assert.Throws<TriggerException>(() => SpawnedTaskBuilder.Build(spawner, SampleEvents.IssueComment("x"), null, "k"));

        Assert.StartsWith($"TaskSpawner \"fix-command\": taskTemplate.{field}: line 1, column ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Labels_AreTheTemplatesPlusTheSpawner()
    {
        var labels = SpawnedTaskBuilder.Build(SampleSpawners.FixCommand(), SampleEvents.IssueComment("x"), null, "k").Metadata.Labels;

        Assert.Equal("web", labels["team"]);
        Assert.Equal("fix-command", labels[KelosAnnotations.SpawnerLabel]);
    }

    [Fact]
    public void Build_IssueComment_AnnotatesTheSource()
    {
        var annotations = SpawnedTaskBuilder.Build(SampleSpawners.FixCommand(), SampleEvents.IssueComment("x"), null, "k").Metadata.Annotations;

        Assert.Equal("platform", annotations["owner"]);
        Assert.Equal("issue", annotations[SourceAnnotations.Kind]);
        Assert.Equal("42", annotations[SourceAnnotations.Number]);
        Assert.Equal("acme", annotations[SourceAnnotations.Owner]);
        Assert.Equal("web", annotations[SourceAnnotations.Repo]);
        Assert.Equal("delivery-1", annotations[SourceAnnotations.DeliveryId]);
        Assert.Equal("9001", annotations[SourceAnnotations.CommentId]);
        Assert.Equal("carol", annotations[SourceAnnotations.RequestedBy]);
        Assert.False(annotations.ContainsKey(SourceAnnotations.Sha));
    }

    [Fact]
    public void Build_PullRequest_AnnotatesKindAndHeadSha()
    {
        var annotations = SpawnedTaskBuilder.Build(SampleSpawners.FixCommand(), SampleEvents.PullRequestEvent("opened"), null, "k").Metadata.Annotations;

        Assert.Equal("pull-request", annotations[SourceAnnotations.Kind]);
        Assert.Equal("7", annotations[SourceAnnotations.Number]);
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", annotations[SourceAnnotations.Sha]);
        Assert.Equal("bob", annotations[SourceAnnotations.RequestedBy]);
        Assert.False(annotations.ContainsKey(SourceAnnotations.CommentId));
    }

    [Fact]
    public void Build_CheckRun_AnnotatesKindAndSha()
    {
        var spawner = SampleSpawners.FixCommand();
        spawner.Spec.TaskTemplate.PromptTemplate = "{{ check_run.name }} failed";
        spawner.Spec.TaskTemplate.Branch = "{{ check_run.head_branch }}";

        var task = SpawnedTaskBuilder.Build(spawner, SampleEvents.CheckRun("test", "failure"), null, "k");

        Assert.Equal("check-run", task.Metadata.Annotations[SourceAnnotations.Kind]);
        Assert.Equal("fedcba9876543210fedcba9876543210fedcba98", task.Metadata.Annotations[SourceAnnotations.Sha]);
        Assert.False(task.Metadata.Annotations.ContainsKey(SourceAnnotations.Number));
        Assert.Equal("feature/cache", task.Spec.Branch);
        Assert.Equal("test failed", task.Spec.Prompt);
    }
}
