using k8s;
using k8s.Models;

namespace Kelos.Cli.Tests;

public sealed class RenderJobCommandTests : IDisposable
{
    private readonly KelosCli _kelos = new();

    private const string TaskYaml = """
        apiVersion: kelos.dev/v1alpha1
        kind: Task
        metadata:
          name: fix-bug
        spec:
          type: codex
          prompt: Fix the failing parser test
          credentials:
            type: oauth
            secretRef:
              name: codex-auth
          workspaceRef:
            name: repo
          agentConfigRefs:
            - name: rules
          branch: fix/parser
          podOverrides:
            activeDeadlineSeconds: 900
        """;

    private const string ContextYaml = """
        apiVersion: kelos.dev/v1alpha1
        kind: Workspace
        metadata:
          name: repo
        spec:
          repo: https://github.com/example/app.git
          ref: main
          secretRef:
            name: github
        ---
        apiVersion: kelos.dev/v1alpha1
        kind: AgentConfig
        metadata:
          name: rules
        spec:
          agentsMD: Run the tests before you commit.
        """;

    [Fact]
    public async Task RenderJob_TaskWorkspaceAgentConfig_PrintsSecretAndJobAsYaml()
    {
        var task = _kelos.Write("task.yaml", TaskYaml);
        var context = _kelos.Write("context.yaml", ContextYaml);

        var result = await _kelos.RunAsync("render", "job", "-f", task, "-f", context, "-n", "agents");

        Assert.Equal(0, result.ExitCode);
        var documents = KubernetesYaml.LoadAllFromString(result.StandardOutput);
        var secret = Assert.IsType<V1Secret>(documents[0]);
        Assert.Equal("fix-bug-github-token", secret.Metadata.Name);
        var job = Assert.IsType<V1Job>(documents[1]);
        Assert.Equal(("fix-bug", "agents"), (job.Metadata.Name, job.Metadata.NamespaceProperty));
        Assert.Equal(900, job.Spec.ActiveDeadlineSeconds);
        var pod = job.Spec.Template.Spec;
        Assert.Equal(["git-clone", "branch-setup"], pod.InitContainers.Select(c => c.Name));
        var agent = Assert.Single(pod.Containers);
        Assert.Equal("kelos-agent", agent.Name);
        Assert.Equal(["/usr/bin/tini", "-g", "--", "/kelos_entrypoint.sh"], agent.Command);
        Assert.Equal(["Fix the failing parser test"], agent.Args);
        Assert.Equal("Run the tests before you commit.", agent.Env.Single(e => e.Name == "KELOS_AGENTS_MD").Value);
        Assert.Equal("fix/parser", agent.Env.Single(e => e.Name == "KELOS_BRANCH").Value);
        Assert.Equal("codex-auth", agent.Env.Single(e => e.Name == "CODEX_AUTH_JSON").ValueFrom.SecretKeyRef.Name);
        Assert.Equal(61100, pod.SecurityContext.FsGroup);
        Assert.All(pod.InitContainers.Concat(pod.Containers), c =>
        {
            Assert.False(c.SecurityContext.AllowPrivilegeEscalation);
            Assert.True(c.SecurityContext.RunAsNonRoot);
            Assert.Equal(["ALL"], c.SecurityContext.Capabilities.Drop);
        });
    }

    [Fact]
    public async Task RenderJob_AgentImageOverride_RunsTheEntrypointWithoutTini()
    {
        var task = _kelos.Write("task.yaml", TaskYaml);
        var context = _kelos.Write("context.yaml", ContextYaml);

        var result = await _kelos.RunAsync("render", "job", "-f", task, "-f", context, "--agent-image", "codex=registry.example.com/my-codex:1");

        Assert.Equal(0, result.ExitCode);
        var agent = Assert.IsType<V1Job>(KubernetesYaml.LoadAllFromString(result.StandardOutput)[1]).Spec.Template.Spec.Containers.Single();
        Assert.Equal("registry.example.com/my-codex:1", agent.Image);
        Assert.Equal(["/kelos_entrypoint.sh"], agent.Command);
    }

    [Fact]
    public async Task RenderJob_WorkspaceFromTheStateDirectory_Found()
    {
        var context = _kelos.Write("context.yaml", ContextYaml);
        Assert.Equal(0, (await _kelos.RunAsync("apply", "-f", context)).ExitCode);
        var task = _kelos.Write("task.yaml", TaskYaml);

        var result = await _kelos.RunAsync("render", "job", "-f", task);

        Assert.Equal(0, result.ExitCode);
        var job = Assert.IsType<V1Job>(KubernetesYaml.LoadAllFromString(result.StandardOutput)[1]);
        Assert.Equal("default", job.Metadata.NamespaceProperty);
    }

    [Fact]
    public async Task RenderJob_MissingWorkspace_ErrorNamesFileAndField()
    {
        var task = _kelos.Write("task.yaml", TaskYaml);

        var result = await _kelos.RunAsync("render", "job", "-f", task);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("task.yaml:1: spec.workspaceRef.name: Workspace \"repo\"", result.StandardError, StringComparison.Ordinal);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public async Task RenderJob_BranchIsTheBaseBranch_RefusedNamingTheField()
    {
        var task = _kelos.Write("task.yaml", TaskYaml.Replace("branch: fix/parser", "branch: main", StringComparison.Ordinal));
        var context = _kelos.Write("context.yaml", ContextYaml);

        var result = await _kelos.RunAsync("render", "job", "-f", task, "-f", context);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("task.yaml:1: spec.branch:", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderJob_InvalidYaml_LoaderErrorsWithFileLineAndField()
    {
        var task = _kelos.Write("task.yaml", TaskYaml.Replace("prompt:", "promt:", StringComparison.Ordinal));

        var result = await _kelos.RunAsync("render", "job", "-f", task);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("task.yaml:7:", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("spec.promt", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("nothing was rendered", result.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _kelos.Dispose();
}
