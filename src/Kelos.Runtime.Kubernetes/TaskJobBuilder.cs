using k8s;
using k8s.Models;
using Kelos.Core.Resources;

namespace Kelos.Runtime.Kubernetes;

/// <summary>
/// Turns a Task into the Job that runs it (agent-interface.md): named after the Task and owned by it, one pod that
/// is never retried (<c>backoffLimit: 0</c>; a retry would run the agent twice), init containers that clone and
/// prepare the workspace, then <c>kelos-agent</c> running <c>/kelos_entrypoint.sh PROMPT</c> (under tini in the
/// bundled images) with the interface's environment, all under the restricted security profile, with the Task's
/// <c>podOverrides</c> applied. Pure: no I/O, the same input gives the same Job.
/// </summary>
/// <remarks>
/// The Job has no <c>ttlSecondsAfterFinished</c> of its own: the Task's TTL deletes the Task, and the Job and its
/// pods go with it through the owner reference. A Job that vanished first would take the agent's log (and so the
/// outputs block) with it before the controller read it.
/// </remarks>
public static class TaskJobBuilder
{
    /// <exception cref="TaskJobException">The Task cannot run as asked; the message names the field.</exception>
    public static V1Job Build(TaskJobInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var task = input.Task;
        if (string.IsNullOrEmpty(task.Spec.Type))
        {
            throw new TaskJobException("spec.type", "missing required field \"type\"");
        }

        WorkspaceInitContainers.CheckBranch(input);
        var pod = new V1PodSpec
        {
            RestartPolicy = "Never",
            AutomountServiceAccountToken = false,
            EnableServiceLinks = false,
            InitContainers = InitContainers(input),
            Containers = [AgentContainer(input)],
            Volumes = Volumes(input),
        };
        PodOverridesApplier.Apply(task.Spec.PodOverrides, pod, pod.Containers[0], AgentContainerEnvironment.Defaults(input));

        var labels = TaskOwnership.Labels(task, task.Spec.PodOverrides?.Labels);
        return new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = new V1ObjectMeta
            {
                Name = task.Name,
                NamespaceProperty = input.Namespace,
                Labels = labels,
                OwnerReferences = [TaskOwnership.OwnerReference(task)],
            },
            Spec = new V1JobSpec
            {
                BackoffLimit = 0,
                ActiveDeadlineSeconds = task.Spec.PodOverrides?.ActiveDeadlineSeconds,
                PodFailurePolicy = task.Spec.PodFailurePolicy is { } policy ? KubernetesJson.Deserialize<V1PodFailurePolicy>(KubernetesJson.Serialize(policy)) : null,
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string>(labels, StringComparer.Ordinal) },
                    Spec = pod,
                },
            },
        };
    }

    private static List<V1Container> InitContainers(TaskJobInput input)
    {
        var containers = new List<V1Container>();
        if (input.Workspace is not null)
        {
            containers.AddRange(WorkspaceInitContainers.Create(input));
        }

        if (input.AgentConfig?.Plugins.Count > 0)
        {
            containers.Add(PluginSetupContainer.Create(input));
        }

        return containers;
    }

    private static V1Container AgentContainer(TaskJobInput input)
    {
        var mounts = new List<V1VolumeMount>
        {
            new() { Name = PodLayout.WorkspaceVolume, MountPath = PodLayout.WorkspaceDir },
            new() { Name = PodLayout.HomeVolume, MountPath = PodLayout.HomeDir },
        };
        if (input.UsesGitHubToken)
        {
            mounts.Add(InitContainer.TokenMount());
        }

        if (input.AgentConfig?.Plugins.Count > 0)
        {
            mounts.Add(new V1VolumeMount { Name = PodLayout.PluginVolume, MountPath = PodLayout.PluginDir, ReadOnlyProperty = true });
        }

        return new V1Container
        {
            Name = PodLayout.AgentContainer,
            Image = input.Image,
            // Bundled images run the entrypoint under tini, as their own ENTRYPOINT does; a custom image is run directly.
            Command = input.BundledImage ? [PodLayout.Tini, "-g", "--", PodLayout.Entrypoint] : [PodLayout.Entrypoint],
            Args = [input.Prompt],
            WorkingDir = input.Workspace is null ? PodLayout.WorkspaceDir : PodLayout.RepoDir,
            Env = AgentContainerEnvironment.Reserved(input),
            VolumeMounts = mounts,
        };
    }

    private static List<V1Volume> Volumes(TaskJobInput input)
    {
        var volumes = new List<V1Volume>
        {
            new() { Name = PodLayout.WorkspaceVolume, EmptyDir = new V1EmptyDirVolumeSource() },
            new() { Name = PodLayout.HomeVolume, EmptyDir = new V1EmptyDirVolumeSource() },
        };
        if (input.UsesGitHubToken)
        {
            volumes.Add(new V1Volume
            {
                Name = PodLayout.GitHubTokenVolume,
                Secret = new V1SecretVolumeSource
                {
                    SecretName = TaskSecretBuilder.NameFor(input.Task),
                    Items = [new V1KeyToPath { Key = TaskSecretBuilder.TokenKey, Path = TaskSecretBuilder.TokenKey }],
                    // 0440 (octal): readable by the owner and by fsGroup 61100, which every container runs in.
                    DefaultMode = 0b100_100_000,
                },
            });
        }

        if (input.AgentConfig?.Plugins.Count > 0)
        {
            volumes.Add(new V1Volume { Name = PodLayout.PluginVolume, EmptyDir = new V1EmptyDirVolumeSource() });
        }

        return volumes;
    }
}
