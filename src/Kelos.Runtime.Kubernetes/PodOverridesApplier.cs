using k8s;
using k8s.Models;
using Kelos.Core.Loading;
using Kelos.Core.Resources;

namespace Kelos.Runtime.Kubernetes;

/// <summary>
/// Applies a Task's <c>podOverrides</c> to the pod Kelos built. The loader refuses reserved names already; a Task
/// created with <c>kubectl</c> never met the loader, so the same rules hold here, and a violation fails the build
/// with the field named rather than silently replacing <c>kelos-agent</c>, an init container, a Kelos volume or a
/// reserved variable.
/// </summary>
internal static class PodOverridesApplier
{
    private const string Field = "spec.podOverrides";

    public static void Apply(PodOverrides? requested, V1PodSpec pod, V1Container agent, List<V1EnvVar> defaultEnv)
    {
        // A copy: the Task's own objects are never changed by building its Job.
        var overrides = requested is null ? new PodOverrides() : KubernetesJson.Deserialize<PodOverrides>(KubernetesJson.Serialize(requested));
        agent.Env = [.. MergeEnv(defaultEnv, overrides.Env), .. agent.Env ?? []];
        agent.Resources = overrides.Resources;
        agent.SecurityContext = RestrictedSecurity.Container(overrides.ContainerSecurityContext, $"{Field}.containerSecurityContext");
        pod.SecurityContext = RestrictedSecurity.Pod(overrides.PodSecurityContext, $"{Field}.podSecurityContext");

        pod.Volumes = [.. pod.Volumes ?? [], .. CheckVolumes(overrides.Volumes)];
        agent.VolumeMounts = [.. agent.VolumeMounts ?? [], .. CheckMounts(overrides.VolumeMounts, agent.VolumeMounts ?? [])];

        pod.NodeSelector = overrides.NodeSelector;
        pod.Tolerations = overrides.Tolerations;
        pod.Affinity = overrides.Affinity;
        pod.ImagePullSecrets = overrides.ImagePullSecrets;
        if (!string.IsNullOrEmpty(overrides.ServiceAccountName))
        {
            // A service account asked for by name is meant to be used: its token is mounted as usual.
            pod.ServiceAccountName = overrides.ServiceAccountName;
            pod.AutomountServiceAccountToken = null;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        pod.InitContainers = [.. pod.InitContainers ?? [], .. CheckContainers(overrides.ExtraInitContainers, "extraInitContainers", names)];
        pod.Containers = [.. pod.Containers, .. CheckContainers(overrides.ExtraContainers, "extraContainers", names)];
    }

    /// <summary>The defaults with the Task's variables: a same-named default is replaced, a reserved name refused.</summary>
    private static List<V1EnvVar> MergeEnv(List<V1EnvVar> defaults, List<V1EnvVar>? requested)
    {
        var env = new List<V1EnvVar>(defaults);
        for (var i = 0; i < (requested?.Count ?? 0); i++)
        {
            var variable = requested![i];
            var field = $"{Field}.env[{i}].name";
            if (string.IsNullOrEmpty(variable.Name))
            {
                throw new TaskJobException(field, "missing required field \"name\"");
            }

            if (ReservedNames.EnvironmentVariables.Contains(variable.Name) || variable.Name.StartsWith("KELOS_", StringComparison.Ordinal))
            {
                throw new TaskJobException(field, $"environment variable \"{variable.Name}\" is set by Kelos and cannot be overridden");
            }

            env.RemoveAll(e => e.Name == variable.Name);
            env.Add(variable);
        }

        return env;
    }

    private static List<V1Volume> CheckVolumes(List<V1Volume>? volumes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (volumes?.Count ?? 0); i++)
        {
            var name = volumes![i].Name;
            var field = $"{Field}.volumes[{i}].name";
            if (string.IsNullOrEmpty(name))
            {
                throw new TaskJobException(field, "missing required field \"name\"");
            }

            if (ReservedNames.Volumes.Contains(name) || name.StartsWith(ReservedNames.KelosPrefix, StringComparison.Ordinal))
            {
                throw new TaskJobException(field, $"volume name \"{name}\" is reserved by Kelos");
            }

            if (!seen.Add(name))
            {
                throw new TaskJobException(field, $"duplicate volume name \"{name}\"");
            }
        }

        return volumes ?? [];
    }

    private static List<V1VolumeMount> CheckMounts(List<V1VolumeMount>? mounts, IEnumerable<V1VolumeMount> kelosMounts)
    {
        for (var i = 0; i < (mounts?.Count ?? 0); i++)
        {
            var path = mounts![i].MountPath?.TrimEnd('/');
            if (kelosMounts.FirstOrDefault(m => m.MountPath == path) is { } taken)
            {
                throw new TaskJobException($"{Field}.volumeMounts[{i}].mountPath", $"\"{path}\" is where Kelos mounts its \"{taken.Name}\" volume");
            }
        }

        return mounts ?? [];
    }

    private static List<V1Container> CheckContainers(List<V1Container>? containers, string list, HashSet<string> names)
    {
        for (var i = 0; i < (containers?.Count ?? 0); i++)
        {
            var container = containers![i];
            var field = $"{Field}.{list}[{i}]";
            var name = container.Name;
            if (string.IsNullOrEmpty(name))
            {
                throw new TaskJobException($"{field}.name", "missing required field \"name\"");
            }

            if (name.StartsWith(ReservedNames.KelosPrefix, StringComparison.Ordinal))
            {
                throw new TaskJobException($"{field}.name", $"container name \"{name}\" is reserved: names starting with \"{ReservedNames.KelosPrefix}\" belong to Kelos");
            }

            if (ReservedNames.InitContainers.Contains(name))
            {
                throw new TaskJobException($"{field}.name", $"container name \"{name}\" is reserved for a Kelos init container");
            }

            if (!names.Add(name))
            {
                throw new TaskJobException($"{field}.name", $"duplicate container name \"{name}\"");
            }

            container.SecurityContext = RestrictedSecurity.Container(container.SecurityContext, $"{field}.securityContext");
        }

        return containers ?? [];
    }
}
