using Kelos.Core.Commands;
using Kelos.Core.Resources;
using Kelos.Core.Triggers;

namespace Kelos.Core.Tests.Triggers;

public class SpawnedTaskBuilderTests
{
    private static readonly SlashCommand Fix = new("fix", null, null, "the login page", 1);

    [Fact]
    public void Build_IssueComment_IsATaskOfTheSpawnersNamespace()
    {
        var task = SpawnedTaskBuilder.Build(SampleSpawners.FixCommand(), SampleEvents.IssueComment("/kelos fix the login page"), Fix, "delivery-1");

        Assert.Equal(ResourceKinds.V1Alpha1, task.ApiVersion);
        Assert.Equal(ResourceKinds.Task, task.Kind);
        Assert.Equal("team-a", task.Metadata.NamespaceProperty);
        Assert.Equal("carol asked on #42 (Fix login): the login page", task.Spec.Prompt);
        Assert.Equal("kelos/issue-42", task.Spec.Branch);
    }

    [Fact]
    public void Build_AgentFields_AreCopiedFromTheTemplate()
    {
        var spec = SpawnedTaskBuilder.Build(SampleSpawners.FixCommand(), SampleEvents.IssueComment("x"), null, "k").Spec;

        Assert.Equal(AgentTypes.ClaudeCode, spec.Type);
        Assert.Equal("anthropic", spec.Credentials?.SecretRef?.Name);
        Assert.Equal("opus", spec.Model);
        Assert.Equal("high", spec.Effort);
        Assert.Equal("ghcr.io/acme/claude-agent:1", spec.Image);
        Assert.Equal("web", spec.WorkspaceRef?.Name);
        Assert.Equal(["conventions"], spec.AgentConfigRefs!.Select(r => r.Name));
        Assert.Equal(["scaffold"], spec.DependsOn!);
        Assert.Equal("upstream/web", spec.UpstreamRepo);
        Assert.Equal(3600, spec.TtlSecondsAfterFinished);
        Assert.Equal(1800, spec.PodOverrides?.ActiveDeadlineSeconds);
        Assert.Equal(42, spec.PodFailurePolicy!.Rules[0].OnExitCodes.Values[0]);
    }

    [Fact]
    public void Build_Spec_IsACopyNotShared()
    {
        var spawner = SampleSpawners.FixCommand();

        var task = SpawnedTaskBuilder.Build(spawner, SampleEvents.IssueComment("x"), null, "k");
        task.Spec.Credentials!.SecretRef!.Name = "changed";
        task.Spec.DependsOn!.Add("other");

        Assert.Equal("anthropic", spawner.Spec.TaskTemplate.Credentials!.SecretRef!.Name);
        Assert.Equal(["scaffold"], spawner.Spec.TaskTemplate.DependsOn!);
    }

    [Fact]
    public void Build_WorkerBlock_IsFoldedIntoTheSpec()
    {
        var spawner = SampleSpawners.FixCommand();
        var template = spawner.Spec.TaskTemplate;
        template.Type = null;
        template.Model = null;
        template.Worker = new WorkerSpec { Type = AgentTypes.Gemini, Model = "gemini-2.5-pro" };

        var spec = SpawnedTaskBuilder.Build(spawner, SampleEvents.IssueComment("x"), null, "k").Spec;

        Assert.Equal(AgentTypes.Gemini, spec.Type);
        Assert.Equal("gemini-2.5-pro", spec.Model);
        Assert.Null(spec.Worker);
    }

    [Fact]
    public void Build_GoSyntaxPrompt_IsRendered()
    {
        var spawner = SampleSpawners.FixCommand();
        spawner.Spec.TaskTemplate.PromptTemplate = "{{.CommentAuthor}}: {{.Title}} #{{.Number}}\n{{.CommentBody}}";

        var task = SpawnedTaskBuilder.Build(spawner, SampleEvents.IssueComment("please <!-- sudo --> fix"), null, "k");

        Assert.Equal("carol: Fix login #42\nplease  fix", task.Spec.Prompt);
    }

    [Fact]
    public void Build_BranchRendersEmpty_HasNoBranch()
    {
        var spawner = SampleSpawners.FixCommand();
        spawner.Spec.TaskTemplate.Branch = "{{ if pull_request }}{{ pull_request.head_branch }}{{ end }}  ";

        Assert.Null(SpawnedTaskBuilder.Build(spawner, SampleEvents.IssueComment("x"), null, "k").Spec.Branch);
    }

    [Fact]
    public void Build_AgentOption_ReplacesTypeAndDropsTheOtherAgentsModelAndImage()
    {
        var command = new SlashCommand("fix", "codex", null, "", 1);

        var spec = SpawnedTaskBuilder.Build(SampleSpawners.FixCommand(), SampleEvents.IssueComment("x"), command, "k").Spec;

        Assert.Equal(AgentTypes.Codex, spec.Type);
        Assert.Null(spec.Model);
        Assert.Null(spec.Image);
        Assert.Equal("high", spec.Effort);
        Assert.Equal("anthropic", spec.Credentials?.SecretRef?.Name);
    }

    [Fact]
    public void Build_AgentOptionSameAsTemplate_KeepsModelAndImage()
    {
        var command = new SlashCommand("fix", "claude-code", null, "", 1);

        var spec = SpawnedTaskBuilder.Build(SampleSpawners.FixCommand(), SampleEvents.IssueComment("x"), command, "k").Spec;

        Assert.Equal("opus", spec.Model);
        Assert.Equal("ghcr.io/acme/claude-agent:1", spec.Image);
    }

    [Fact]
    public void Build_ModelOption_ReplacesModel()
    {
        var command = new SlashCommand("fix", "codex", "gpt-5-codex", "", 1);

        var spec = SpawnedTaskBuilder.Build(SampleSpawners.FixCommand(), SampleEvents.IssueComment("x"), command, "k").Spec;

        Assert.Equal(AgentTypes.Codex, spec.Type);
        Assert.Equal("gpt-5-codex", spec.Model);
    }

    [Fact]
    public void Build_CredentialsPool_OneIsPickedByWorkItem()
    {
        var spawner = SampleSpawners.FixCommand();
        spawner.Spec.TaskTemplate.Credentials = null;
        spawner.Spec.Credentials =
        [
            new Credentials { Type = Credentials.ApiKey, SecretRef = new NameReference { Name = "key-a" } },
            new Credentials { Type = Credentials.ApiKey, SecretRef = new NameReference { Name = "key-b" } },
        ];

        var picks = Enumerable.Range(0, 20)
            .Select(i => SpawnedTaskBuilder.Build(spawner, SampleEvents.IssueComment("x"), null, $"item-{i}").Spec.Credentials!.SecretRef!.Name)
            .ToList();
        var again = SpawnedTaskBuilder.Build(spawner, SampleEvents.IssueComment("x"), null, "item-0").Spec.Credentials!.SecretRef!.Name;

        Assert.Equal(["key-a", "key-b"], picks.Distinct().Order());
        Assert.Equal(picks[0], again);
    }
}
