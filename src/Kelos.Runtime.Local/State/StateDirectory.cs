namespace Kelos.Runtime.Local.State;

/// <summary>
/// The layout of the embedded state directory (default <c>~/.kelos</c>):
/// <c>resources/&lt;kind&gt;/NAME.json</c>, <c>secrets/NAME.json</c> (owner-only), <c>runs/NAME/</c> (clone, home,
/// logs of one Task), and the lock files that let several <c>kelos</c> processes share it.
/// </summary>
public sealed class StateDirectory
{
    public const string EnvironmentVariable = "KELOS_STATE_DIR";

    public StateDirectory(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string ResourcesRoot => Path.Combine(Root, "resources");

    public string SecretsRoot => Path.Combine(Root, "secrets");

    public string RunsRoot => Path.Combine(Root, "runs");

    public string StoreLockFile => Path.Combine(Root, "store.lock");

    public string ControllerLockFile => Path.Combine(Root, "controller.lock");

    public string GenerationFile => Path.Combine(Root, "generation");

    public string RunDirectory(string taskName) => Path.Combine(RunsRoot, taskName);

    /// <summary>The directory from <c>--state-dir</c>, else <c>KELOS_STATE_DIR</c>, else <c>~/.kelos</c>.</summary>
    public static StateDirectory Resolve(string? explicitPath)
    {
        var path = explicitPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Environment.GetEnvironmentVariable(EnvironmentVariable);
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kelos");
        }

        return new StateDirectory(path);
    }

    /// <summary>
    /// Creates the directories Kelos makes with owner-only permissions (secrets and clones live here); a state
    /// directory that exists already keeps the permissions its owner gave it, except the secrets.
    /// </summary>
    public void EnsureCreated()
    {
        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        foreach (var dir in new[] { Root, ResourcesRoot, SecretsRoot, RunsRoot })
        {
            if (!Directory.Exists(dir))
            {
                Directory.CreateDirectory(dir, OwnerOnly);
            }
        }

        File.SetUnixFileMode(SecretsRoot, OwnerOnly);
    }
}
