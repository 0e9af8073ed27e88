using k8s.Models;

namespace Kelos.Runtime.Kubernetes;

/// <summary>
/// An init container running a small <c>sh</c> script in the git image as UID 61100, with the workspace and home
/// mounted (and the GitHub token file when the Task has one). User values reach scripts only shell-quoted.
/// </summary>
internal static class InitContainer
{
    public static V1Container Create(TaskJobInput input, string name, IEnumerable<string> scriptLines, bool withToken, params V1VolumeMount[] extraMounts)
    {
        var mounts = new List<V1VolumeMount>
        {
            new() { Name = PodLayout.WorkspaceVolume, MountPath = PodLayout.WorkspaceDir },
            new() { Name = PodLayout.HomeVolume, MountPath = PodLayout.HomeDir },
        };
        if (withToken && input.UsesGitHubToken)
        {
            mounts.Add(TokenMount());
        }

        mounts.AddRange(extraMounts);
        return new V1Container
        {
            Name = name,
            Image = input.GitImage,
            Command = ["sh", "-c", string.Join('\n', ["set -eu", .. scriptLines])],
            Env =
            [
                new V1EnvVar { Name = "HOME", Value = PodLayout.HomeDir },
                new V1EnvVar { Name = "GIT_TERMINAL_PROMPT", Value = "0" },
            ],
            VolumeMounts = mounts,
            SecurityContext = RestrictedSecurity.Container(null, name),
        };
    }

    public static V1VolumeMount TokenMount() => new() { Name = PodLayout.GitHubTokenVolume, MountPath = PodLayout.GitHubTokenDir, ReadOnlyProperty = true };
}
