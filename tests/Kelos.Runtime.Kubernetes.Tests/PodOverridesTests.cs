using k8s.Models;
using Kelos.Core.Resources;
using static Kelos.Runtime.Kubernetes.Tests.JobFixture;

namespace Kelos.Runtime.Kubernetes.Tests;

public sealed class PodOverridesTests
{
    [Fact]
    public void Build_Overrides_MergedIntoPodAndAgent()
    {
        var input = Input(Task());
        input.Task.Spec.PodOverrides = new PodOverrides
        {
            ActiveDeadlineSeconds = 600,
            Labels = new() { ["team"] = "a", ["kelos.dev/task"] = "forged" },
            Env = [new V1EnvVar { Name = "NPM_TOKEN", ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "npm", Key = "token" } } }, new V1EnvVar { Name = "HOME", Value = "/home/other" }],
            Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("4Gi") } },
            NodeSelector = new() { ["pool"] = "agents" },
            Tolerations = [new V1Toleration { Key = "agents", OperatorProperty = "Exists" }],
            ServiceAccountName = "agent-sa",
            ImagePullSecrets = [new V1LocalObjectReference { Name = "pull" }],
            Volumes = [new V1Volume { Name = "cache", EmptyDir = new V1EmptyDirVolumeSource() }],
            VolumeMounts = [new V1VolumeMount { Name = "cache", MountPath = "/cache" }],
            ExtraInitContainers = [new V1Container { Name = "migrate", Image = "migrate:1" }],
        };

        var job = TaskJobBuilder.Build(input);
        var pod = job.Spec.Template.Spec;
        var agent = Agent(job);

        Assert.Equal(600, job.Spec.ActiveDeadlineSeconds);
        Assert.Equal("a", job.Spec.Template.Metadata.Labels["team"]);
        Assert.Equal("fix-bug", job.Spec.Template.Metadata.Labels["kelos.dev/task"]);
        Assert.Equal("npm", Env(agent, "NPM_TOKEN").ValueFrom.SecretKeyRef.Name);
        Assert.Equal("/home/other", Env(agent, "HOME").Value);
        Assert.Equal("4Gi", agent.Resources.Limits["memory"].ToString());
        Assert.Equal("agents", pod.NodeSelector["pool"]);
        Assert.Equal("agents", Assert.Single(pod.Tolerations).Key);
        Assert.Equal("agent-sa", pod.ServiceAccountName);
        Assert.Null(pod.AutomountServiceAccountToken);
        Assert.Equal("pull", Assert.Single(pod.ImagePullSecrets).Name);
        Assert.Contains(pod.Volumes, v => v.Name == "cache");
        Assert.Contains(agent.VolumeMounts, m => m.Name == "cache" && m.MountPath == "/cache");
        Assert.Equal("migrate", pod.InitContainers.Last().Name);
        Assert.False(pod.InitContainers.Last().SecurityContext.AllowPrivilegeEscalation);
    }

    [Fact]
    public void Build_Overrides_TaskObjectsLeftUnchanged()
    {
        var input = Input(Task());
        input.Task.Spec.PodOverrides!.ExtraContainers = [new V1Container { Name = "sidecar", Image = "s:1" }];

        TaskJobBuilder.Build(input);

        Assert.Null(input.Task.Spec.PodOverrides.ExtraContainers[0].SecurityContext);
        Assert.Null(input.Task.Spec.PodOverrides.PodSecurityContext);
    }

    public static TheoryData<string, Action<PodOverrides>, string> Refusals => new()
    {
        { "spec.podOverrides.env[0].name", o => o.Env = [new V1EnvVar { Name = "KELOS_SETUP_COMMAND", Value = "[\"sh\"]" }], "KELOS_SETUP_COMMAND" },
        { "spec.podOverrides.env[0].name", o => o.Env = [new V1EnvVar { Name = "ANTHROPIC_API_KEY", Value = "x" }], "ANTHROPIC_API_KEY" },
        { "spec.podOverrides.env[0].name", o => o.Env = [new V1EnvVar { Name = "KELOS_ANYTHING", Value = "x" }], "KELOS_ANYTHING" },
        { "spec.podOverrides.extraContainers[0].name", o => o.ExtraContainers = [new V1Container { Name = "kelos-agent", Image = "evil" }], "kelos-agent" },
        { "spec.podOverrides.extraInitContainers[0].name", o => o.ExtraInitContainers = [new V1Container { Name = "git-clone", Image = "evil" }], "git-clone" },
        { "spec.podOverrides.extraInitContainers[0].name", o => o.ExtraInitContainers = [new V1Container { Name = "branch-setup", Image = "evil" }], "branch-setup" },
        { "spec.podOverrides.volumes[0].name", o => o.Volumes = [new V1Volume { Name = "workspace", EmptyDir = new() }], "workspace" },
        { "spec.podOverrides.volumes[0].name", o => o.Volumes = [new V1Volume { Name = "kelos-github-token", EmptyDir = new() }], "kelos-github-token" },
        { "spec.podOverrides.volumeMounts[0].mountPath", o => o.VolumeMounts = [new V1VolumeMount { Name = "x", MountPath = "/workspace" }], "/workspace" },
        { "spec.podOverrides.extraContainers[1].name", o => o.ExtraContainers = [new V1Container { Name = "db", Image = "a" }, new V1Container { Name = "db", Image = "b" }], "duplicate" },
        { "spec.podOverrides.containerSecurityContext.allowPrivilegeEscalation", o => o.ContainerSecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = true }, "false" },
        { "spec.podOverrides.containerSecurityContext.capabilities.add", o => o.ContainerSecurityContext = new V1SecurityContext { Capabilities = new V1Capabilities { Add = ["NET_ADMIN"] } }, "dropped" },
        { "spec.podOverrides.podSecurityContext.runAsUser", o => o.PodSecurityContext = new V1PodSecurityContext { RunAsUser = 0 }, "root" },
        { "spec.podOverrides.extraContainers[0].securityContext.privileged", o => o.ExtraContainers = [new V1Container { Name = "db", Image = "a", SecurityContext = new V1SecurityContext { Privileged = true } }], "true" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Build_ReservedOrUnsafeOverride_RefusedNamingTheField(string field, Action<PodOverrides> change, string mentioned)
    {
        var input = Input(Task());
        change(input.Task.Spec.PodOverrides!);

        var error = Assert.Throws<TaskJobException>(() => TaskJobBuilder.Build(input));

        Assert.Equal(field, error.Field);
        Assert.StartsWith(field + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SecurityContextOverride_OtherFieldsKept()
    {
        var input = Input(Task());
        input.Task.Spec.PodOverrides!.ContainerSecurityContext = new V1SecurityContext { ReadOnlyRootFilesystem = true, RunAsUser = 1000 };

        var context = Agent(TaskJobBuilder.Build(input)).SecurityContext;

        Assert.True(context.ReadOnlyRootFilesystem);
        Assert.Equal(1000, context.RunAsUser);
        Assert.False(context.AllowPrivilegeEscalation);
        Assert.Equal(["ALL"], context.Capabilities.Drop);
    }
}
