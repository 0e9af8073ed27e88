using static Kelos.Runtime.Kubernetes.Tests.JobFixture;

namespace Kelos.Runtime.Kubernetes.Tests;

public sealed class TaskJobBuilderTests
{
    [Fact]
    public void Build_TaskWithWorkspaceAndAgentConfig_InitContainersInOrderThenAgent()
    {
        var job = Build(Task());

        Assert.Equal(["git-clone", "remote-setup", "branch-setup", "workspace-files", "plugin-setup"], job.Spec.Template.Spec.InitContainers.Select(c => c.Name));
        Assert.Equal(["kelos-agent"], job.Spec.Template.Spec.Containers.Select(c => c.Name));
    }

    [Fact]
    public void Build_Agent_RunsEntrypointUnderTiniWithThePromptAsOnlyArgumentInTheClone()
    {
        var agent = Agent(Build(Task()));

        Assert.Equal(["/usr/bin/tini", "-g", "--", "/kelos_entrypoint.sh"], agent.Command);
        Assert.Equal(["Fix the bug; don't break 'quotes'"], agent.Args);
        Assert.Equal("/workspace/repo", agent.WorkingDir);
        Assert.Equal("ghcr.io/kelos-dev/kelos-agent-claude-code:v0.1.0", agent.Image);
    }

    [Fact]
    public void Build_Agent_InterfaceEnvironmentAndSecretKeyRefs()
    {
        var agent = Agent(Build(Task()));

        Assert.Equal("claude-code", Env(agent, "KELOS_AGENT_TYPE").Value);
        Assert.Equal("fix-bug", Env(agent, "KELOS_TASK_NAME").Value);
        Assert.Equal("fix/bug", Env(agent, "KELOS_BRANCH").Value);
        Assert.Equal("main", Env(agent, "KELOS_BASE_BRANCH").Value);
        Assert.Equal("some-model", Env(agent, "KELOS_MODEL").Value);
        Assert.Equal("high", Env(agent, "KELOS_EFFORT").Value);
        Assert.Equal("upstream/app", Env(agent, "KELOS_UPSTREAM_REPO").Value);
        Assert.Equal("Always run the tests.", Env(agent, "KELOS_AGENTS_MD").Value);
        Assert.Equal("/kelos/plugin", Env(agent, "KELOS_PLUGIN_DIR").Value);
        Assert.Equal("""{"mcpServers":{"docs":{"type":"http","url":"https://mcp.example.com"}}}""", Env(agent, "KELOS_MCP_SERVERS").Value);
        Assert.Equal("""["make","deps"]""", Env(agent, "KELOS_SETUP_COMMAND").Value);
        Assert.Equal("/var/run/kelos/github/token", Env(agent, "KELOS_GITHUB_TOKEN_FILE").Value);
        Assert.Equal("/home/agent", Env(agent, "HOME").Value);

        foreach (var name in new[] { "GITHUB_TOKEN", "GH_TOKEN" })
        {
            var reference = Env(agent, name).ValueFrom.SecretKeyRef;
            Assert.Null(Env(agent, name).Value);
            Assert.Equal(("fix-bug-github-token", "token"), (reference.Name, reference.Key));
        }

        var credential = Env(agent, "ANTHROPIC_API_KEY");
        Assert.Null(credential.Value);
        Assert.Equal(("model-key", "ANTHROPIC_API_KEY"), (credential.ValueFrom.SecretKeyRef.Name, credential.ValueFrom.SecretKeyRef.Key));
        Assert.DoesNotContain(agent.Env, e => e.Name is "GH_ENTERPRISE_TOKEN" or "GH_HOST" or "CLAUDE_CODE_OAUTH_TOKEN");
        Assert.Equal(agent.Env.Count, agent.Env.Select(e => e.Name).Distinct().Count());
    }

    [Fact]
    public void Build_EveryContainerAndThePod_RestrictedSecurityContext()
    {
        var input = Input(Task());
        input.Task.Spec.PodOverrides!.ExtraContainers = [new k8s.Models.V1Container { Name = "database", Image = "postgres:16" }];
        var job = TaskJobBuilder.Build(input);
        var pod = job.Spec.Template.Spec;

        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.Equal(61100, pod.SecurityContext.RunAsUser);
        Assert.Equal(61100, pod.SecurityContext.RunAsGroup);
        Assert.Equal(61100, pod.SecurityContext.FsGroup);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
        Assert.Equal(7, AllContainers(job).Count());
        foreach (var container in AllContainers(job))
        {
            var context = container.SecurityContext;
            Assert.True(context.RunAsNonRoot, container.Name);
            Assert.Equal(61100, context.RunAsUser);
            Assert.Equal(61100, context.RunAsGroup);
            Assert.False(context.AllowPrivilegeEscalation, container.Name);
            Assert.Equal(["ALL"], context.Capabilities.Drop);
            Assert.Null(context.Capabilities.Add);
            Assert.Equal("RuntimeDefault", context.SeccompProfile.Type);
        }
    }

    [Fact]
    public void Build_Job_NamedAfterTaskOwnedByItLabelledNeverRetried()
    {
        var job = Build(Task());

        Assert.Equal("fix-bug", job.Metadata.Name);
        Assert.Equal("team-a", job.Metadata.NamespaceProperty);
        var owner = Assert.Single(job.Metadata.OwnerReferences);
        Assert.Equal(("kelos.dev/v1alpha1", "Task", "fix-bug", "7d1c3a52-0000-4000-8000-000000000001"), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid));
        Assert.True(owner.Controller);
        Assert.True(owner.BlockOwnerDeletion);
        foreach (var labels in new[] { job.Metadata.Labels, job.Spec.Template.Metadata.Labels })
        {
            Assert.Equal("fix-bug", labels["kelos.dev/task"]);
            Assert.Equal("triage", labels["kelos.dev/taskspawner"]);
            Assert.Equal("agent", labels["kelos.dev/component"]);
            Assert.Equal("kelos", labels["kelos.dev/managed-by"]);
        }

        Assert.Equal(0, job.Spec.BackoffLimit);
        Assert.Equal(1800, job.Spec.ActiveDeadlineSeconds);
        Assert.Null(job.Spec.TtlSecondsAfterFinished);
        Assert.Equal("Never", job.Spec.Template.Spec.RestartPolicy);
        Assert.False(job.Spec.Template.Spec.AutomountServiceAccountToken);
    }

    [Fact]
    public void Build_TaskWithoutSpawner_NoSpawnerLabel()
    {
        var job = Build(Task().Replace("  labels:\n    kelos.dev/taskspawner: triage\n", "", StringComparison.Ordinal));

        Assert.False(job.Metadata.Labels.ContainsKey("kelos.dev/taskspawner"));
    }

    [Fact]
    public void Build_GitClone_CredentialHelperReadsTheTokenFile_NoTokenInArgsOrEnv()
    {
        var job = Build(Task());
        var clone = job.Spec.Template.Spec.InitContainers[0];
        var script = clone.Command[2];

        Assert.Equal(["sh", "-c"], clone.Command.Take(2));
        Assert.Contains("cat /var/run/kelos/github/token", script, StringComparison.Ordinal);
        Assert.Contains("clone --no-single-branch --depth 1 --branch 'main' -- 'https://github.com/example/app.git' /workspace/repo", script, StringComparison.Ordinal);
        Assert.DoesNotContain(clone.Env, e => e.ValueFrom is not null || e.Name.Contains("TOKEN", StringComparison.Ordinal));
        var mount = Assert.Single(clone.VolumeMounts, m => m.Name == "kelos-github-token");
        Assert.True(mount.ReadOnlyProperty);
        var volume = Assert.Single(job.Spec.Template.Spec.Volumes, v => v.Name == "kelos-github-token");
        Assert.Equal("fix-bug-github-token", volume.Secret.SecretName);
        Assert.Equal(["workspace", "kelos-home", "kelos-github-token", "kelos-plugin"], job.Spec.Template.Spec.Volumes.Select(v => v.Name));
        Assert.All(job.Spec.Template.Spec.Volumes.Where(v => v.Name != "kelos-github-token"), v => Assert.NotNull(v.EmptyDir));
    }

    [Fact]
    public void Build_CommitRef_FetchedAndCheckedOutDetached()
    {
        var sha = new string('a', 40);
        var input = Input(Task());
        input.Workspace!.Spec.Ref = sha;

        var script = TaskJobBuilder.Build(input).Spec.Template.Spec.InitContainers[0].Command[2];

        Assert.DoesNotContain("--branch", script, StringComparison.Ordinal);
        Assert.Contains($"git fetch --depth 1 origin {sha}", script, StringComparison.Ordinal);
        Assert.Contains($"git checkout --detach {sha}", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BranchIsTheWorkspaceRef_RefusedNamingTheField()
    {
        var error = Assert.Throws<TaskJobException>(() => Build(Task().Replace("branch: fix/bug", "branch: main", StringComparison.Ordinal)));

        Assert.Equal("spec.branch", error.Field);
        Assert.Contains("base branch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BranchSetup_RefusesOriginsDefaultBranchAtRunTime()
    {
        var script = Build(Task()).Spec.Template.Spec.InitContainers.Single(c => c.Name == "branch-setup").Command[2];

        Assert.Contains("branch='fix/bug'", script, StringComparison.Ordinal);
        Assert.Contains("refs/remotes/origin/HEAD", script, StringComparison.Ordinal);
        Assert.Contains("exit 1", script, StringComparison.Ordinal);
        Assert.Contains("git checkout -b \"$branch\"", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoBranch_WorksOnKelosTaskBranch()
    {
        var agent = Agent(Build(Task().Replace("  branch: fix/bug\n", "", StringComparison.Ordinal)));

        Assert.Equal("kelos/fix-bug", Env(agent, "KELOS_BRANCH").Value);
    }

    [Fact]
    public void Build_NoWorkspace_NoInitContainersNoTokenWorkingDirWorkspace()
    {
        var job = Build(Task().Replace("  workspaceRef:\n    name: repo\n", "", StringComparison.Ordinal), withWorkspace: false, withAgentConfig: false);
        var agent = Agent(job);

        Assert.Empty(job.Spec.Template.Spec.InitContainers);
        Assert.Equal("/workspace", agent.WorkingDir);
        Assert.DoesNotContain(agent.Env, e => e.Name is "GITHUB_TOKEN" or "GH_TOKEN" or "KELOS_GITHUB_TOKEN_FILE" or "KELOS_BASE_BRANCH");
        Assert.Equal(["workspace", "kelos-home"], job.Spec.Template.Spec.Volumes.Select(v => v.Name));
    }

    [Fact]
    public void Build_EnterpriseHost_GhEnterpriseTokenAndHost()
    {
        var input = Input(Task());
        input.Workspace!.Spec.Repo = "https://ghe.example.com/team/app.git";

        var agent = Agent(TaskJobBuilder.Build(input));

        Assert.Equal("ghe.example.com", Env(agent, "GH_HOST").Value);
        Assert.Equal("token", Env(agent, "GH_ENTERPRISE_TOKEN").ValueFrom.SecretKeyRef.Key);
        Assert.DoesNotContain(agent.Env, e => e.Name == "GH_TOKEN");
    }

    [Fact]
    public void Build_WorkspaceFiles_WrittenFromBase64WithLinksRefused()
    {
        var script = Build(Task()).Spec.Template.Spec.InitContainers.Single(c => c.Name == "workspace-files").Command[2];
        var encoded = Convert.ToBase64String("it's \"quoted\"\n"u8.ToArray());

        Assert.Contains("target='/workspace/repo/.kelos/notes.md'", script, StringComparison.Ordinal);
        Assert.Contains($"printf '%s' '{encoded}' | base64 -d > \"$target\"", script, StringComparison.Ordinal);
        Assert.Contains("-L \"$target\"", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PodFailurePolicy_Copied()
    {
        var job = Build(Task(extraSpec: """
              podFailurePolicy:
                rules:
                  - action: Ignore
                    onPodConditions:
                      - type: DisruptionTarget
                        status: "True"
            """));

        var rule = Assert.Single(job.Spec.PodFailurePolicy.Rules);
        Assert.Equal("Ignore", rule.Action);
        Assert.Equal("DisruptionTarget", rule.OnPodConditions.Single().Type);
    }

    [Fact]
    public void Build_TaskImage_WinsOverTheStockImageAndRunsTheEntrypointDirectly()
    {
        var job = Build(Task(extraSpec: "  image: registry.example.com/my-agent:1"));

        Assert.Equal("registry.example.com/my-agent:1", Agent(job).Image);
        Assert.Equal(["/kelos_entrypoint.sh"], Agent(job).Command);
        Assert.All(job.Spec.Template.Spec.InitContainers, c => Assert.Equal("alpine/git:v2.47.2", c.Image));
    }

    [Fact]
    public void Build_SameInputTwice_SameJob()
    {
        Assert.Equal(k8s.KubernetesJson.Serialize(Build(Task())), k8s.KubernetesJson.Serialize(Build(Task())));
    }
}
