using Kelos.Core.Loading;
using Kelos.Core.Resources;

namespace Kelos.Core.Tests.Loading;

public class ValidFileTests
{
    [Theory]
    [InlineData("task-v1alpha1.yaml")]
    [InlineData("task-v1alpha2-worker.yaml")]
    [InlineData("workspace.yaml")]
    [InlineData("agentconfig.yaml")]
    [InlineData("taskspawner-v1alpha1.yaml")]
    [InlineData("taskspawner-v1alpha2.yaml")]
    [InlineData("secret.yaml")]
    [InlineData("cron-spawner.json")]
    public void LoadPath_ValidFile_LoadsOneResourceWithoutErrors(string file)
    {
        var path = TestFiles.Path("valid", file);

        var result = ResourceLoader.LoadPath(path);

        Assert.True(result.Ok, string.Join(Environment.NewLine, result.Errors));
        var loaded = Assert.Single(result.Resources);
        Assert.Equal(path, loaded.File);
    }

    [Fact]
    public void LoadPath_TaskV1Alpha1_BindsFlatFieldsAndKubernetesTypes()
    {
        var result = ResourceLoader.LoadPath(TestFiles.Path("valid", "task-v1alpha1.yaml"));

        var loaded = Assert.Single(result.Resources);
        Assert.Equal(2, loaded.Line);
        var task = Assert.IsType<KelosTask>(loaded.Resource);
        Assert.Equal("fix-login-bug", task.Name);
        Assert.Equal("1", task.Metadata.Labels["priority"]);
        Assert.Equal(AgentTypes.ClaudeCode, task.Spec.Type);
        Assert.Equal("Fix the login bug described in issue 42.\n", task.Spec.Prompt);
        Assert.Equal("anthropic-key", task.Spec.Credentials?.SecretRef?.Name);
        Assert.Equal(3600, task.Spec.TtlSecondsAfterFinished);
        var overrides = task.Spec.PodOverrides!;
        Assert.Equal(1800, overrides.ActiveDeadlineSeconds);
        Assert.Equal("4Gi", overrides.Resources!.Limits["memory"].ToString());
        Assert.Equal("2", overrides.Resources.Limits["cpu"].ToString());
        Assert.Equal("token", overrides.Env![1].ValueFrom.SecretKeyRef.Key);
        Assert.Equal("amd64", overrides.NodeSelector!["kubernetes.io/arch"]);
        Assert.Equal(8080, overrides.ExtraContainers![0].Ports[0].ContainerPort);
        Assert.Equal("http", overrides.ExtraContainers[0].ReadinessProbe.HttpGet.Port.Value);
    }

    [Fact]
    public void LoadPath_AgentConfig_MapOfStringsTakesNumbersAsText()
    {
        var result = ResourceLoader.LoadPath(TestFiles.Path("valid", "agentconfig.yaml"));

        var config = Assert.IsType<AgentConfig>(Assert.Single(result.Resources).Resource);
        Assert.Equal("8080", config.Spec.McpServers![0].Env!["PORT"]);
        Assert.Equal(["--root", "/workspace"], config.Spec.McpServers[0].Args);
        Assert.Equal("security-review", config.Spec.Plugins![0].Skills![0].Name);
    }

    [Fact]
    public void LoadPath_TaskSpawnerV1Alpha2_BindsPoolReportingAndFilters()
    {
        var result = ResourceLoader.LoadPath(TestFiles.Path("valid", "taskspawner-v1alpha2.yaml"));

        var spawner = Assert.IsType<TaskSpawner>(Assert.Single(result.Resources).Resource);
        Assert.Equal(2, spawner.Spec.Credentials!.Count);
        Assert.Equal("Sticky", spawner.Spec.Reporting?.Comments?.Mode);
        Assert.Equal("^/kelos (fix|review)\\b", spawner.Spec.When.GitHubWebhook!.Filters![0].BodyPattern);
        Assert.Equal(AgentTypes.Gemini, spawner.Spec.TaskTemplate.Type);
    }

    [Fact]
    public void LoadPath_CronSpawnerJson_Loads()
    {
        var result = ResourceLoader.LoadPath(TestFiles.Path("valid", "cron-spawner.json"));

        var spawner = Assert.IsType<TaskSpawner>(Assert.Single(result.Resources).Resource);
        Assert.Equal("0 3 * * MON-FRI", spawner.Spec.When.Cron!.Schedule);
        Assert.Equal(Credentials.None, spawner.Spec.TaskTemplate.Credentials!.Type);
    }
}
