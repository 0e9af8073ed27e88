namespace Kelos.Runtime.Kubernetes;

/// <summary>
/// Names and paths of the agent's pod that the agent interface, the images and the controller agree on:
/// the clone at <c>/workspace/repo</c>, UID 61100, the entrypoint, where the GitHub token file is mounted.
/// </summary>
public static class PodLayout
{
    /// <summary>The UID (and GID, and fsGroup) every container runs as; the agent images create this user.</summary>
    public const long AgentUid = 61100;

    public const string AgentContainer = "kelos-agent";
    public const string Entrypoint = "/kelos_entrypoint.sh";

    /// <summary>Where the bundled agent images keep tini (Debian's package), the agent container's PID 1 in them.</summary>
    public const string Tini = "/usr/bin/tini";

    /// <summary>
    /// The home of UID 61100 in the bundled images and the agent's <c>HOME</c> in the pod: an emptyDir is mounted here,
    /// so every run starts with a fresh home (agents write state there), and images install their CLIs outside it
    /// (e.g. <c>/usr/local</c>). The Dockerfiles in <c>deploy/images</c> use this path (a test holds them to it).
    /// </summary>
    public const string HomeDir = "/home/agent";

    public const string GitCloneContainer = "git-clone";
    public const string RemoteSetupContainer = "remote-setup";
    public const string BranchSetupContainer = "branch-setup";
    public const string WorkspaceFilesContainer = "workspace-files";
    public const string PluginSetupContainer = "plugin-setup";

    public const string WorkspaceVolume = "workspace";
    public const string WorkspaceDir = "/workspace";
    public const string RepoDir = "/workspace/repo";

    /// <summary>The emptyDir mounted at <see cref="HomeDir"/>.</summary>
    public const string HomeVolume = "kelos-home";

    /// <summary>The per-Task Secret mounted as files; git's credential helper reads the token from it on every call.</summary>
    public const string GitHubTokenVolume = "kelos-github-token";
    public const string GitHubTokenDir = "/var/run/kelos/github";
    public const string GitHubTokenFile = GitHubTokenDir + "/" + TaskSecretBuilder.TokenKey;

    public const string PluginVolume = "kelos-plugin";
    public const string PluginDir = "/kelos/plugin";
}
