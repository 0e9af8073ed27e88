using System.Text;
using Kelos.Core.Loading;
using Kelos.Core.Resources;

namespace Kelos.Core.Tests.Loading;

public class NormalizationTests
{
    [Fact]
    public void LoadPath_TaskWithWorker_FoldsWorkerIntoFlatFields()
    {
        var result = ResourceLoader.LoadPath(TestFiles.Path("valid", "task-v1alpha2-worker.yaml"));

        var task = Assert.IsType<KelosTask>(Assert.Single(result.Resources).Resource);
        Assert.Null(task.Spec.Worker);
        Assert.Equal(AgentTypes.Codex, task.Spec.Type);
        Assert.Equal(Credentials.OAuth, task.Spec.Credentials?.Type);
        Assert.Equal("codex-auth", task.Spec.Credentials?.SecretRef?.Name);
        Assert.Equal("gpt-5-codex", task.Spec.Model);
        Assert.Equal("web-app", task.Spec.WorkspaceRef?.Name);
        Assert.Equal(["team-conventions", "testing-guide"], task.Spec.AgentConfigRefs!.Select(r => r.Name));
        Assert.Equal("CI", Assert.Single(task.Spec.PodOverrides!.Env!).Name);
        Assert.Equal(42, task.Spec.PodFailurePolicy!.Rules[0].OnExitCodes.Values[0]);
    }

    [Fact]
    public void LoadPath_SingleAgentConfigRef_FoldsIntoList()
    {
        var result = ResourceLoader.LoadPath(TestFiles.Path("valid", "task-v1alpha1.yaml"));

        var task = Assert.IsType<KelosTask>(Assert.Single(result.Resources).Resource);
        Assert.Null(task.Spec.AgentConfigRef);
        Assert.Equal("team-conventions", Assert.Single(task.Spec.AgentConfigRefs!).Name);
    }

    [Fact]
    public void LoadPath_SpawnerTemplateWithWorker_FoldsWorker()
    {
        var result = ResourceLoader.LoadPath(TestFiles.Path("valid", "taskspawner-v1alpha2.yaml"));

        var spawner = Assert.IsType<TaskSpawner>(Assert.Single(result.Resources).Resource);
        Assert.Null(spawner.Spec.TaskTemplate.Worker);
        Assert.Equal(AgentTypes.Gemini, spawner.Spec.TaskTemplate.Type);
        Assert.Equal("team-conventions", Assert.Single(spawner.Spec.TaskTemplate.AgentConfigRefs!).Name);
    }

    [Fact]
    public void LoadPath_SecretWithStringData_FoldsItIntoBase64Data()
    {
        var result = ResourceLoader.LoadPath(TestFiles.Path("valid", "secret.yaml"));

        var secret = Assert.IsType<Secret>(Assert.Single(result.Resources).Resource);
        Assert.Null(secret.StringData);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("plain text")), secret.Data!["NOTE"]);
        Assert.Equal("c2stYW50LXRlc3Q=", secret.Data["ANTHROPIC_API_KEY"]);
        Assert.Equal("plain text", secret.Get("NOTE"));
        Assert.Equal("sk-ant-test", secret.Get("ANTHROPIC_API_KEY"));
    }

    [Fact]
    public void LoadText_StringDataKeyAlsoInData_StringDataWins()
    {
        var secret = LoadAssert.Single<Secret>("""
            apiVersion: v1
            kind: Secret
            metadata:
              name: token
            data:
              TOKEN: b2xk
            stringData:
              TOKEN: new
            """);

        Assert.Equal("new", secret.Get("TOKEN"));
    }
}
