namespace Kelos.Runtime.Local.Runs;

/// <summary>
/// What one Task's run keeps under <c>runs/NAME/</c>: the clone (<c>repo/</c>), the agent's fresh home
/// (<c>home/</c>), its private temp (<c>tmp/</c>), the agent's stdout (<c>agent.log</c>, ending with the outputs
/// block), Kelos's own steps (<c>kelos.log</c>), and the process group of a live run (<c>pgid</c>).
/// </summary>
public sealed class RunDirectory(string root)
{
    public string Root { get; } = root;

    public string Repo => Path.Combine(Root, "repo");

    public string Home => Path.Combine(Root, "home");

    public string Temp => Path.Combine(Root, "tmp");

    public string Credentials => Path.Combine(Root, "credentials");

    public string AgentLog => Path.Combine(Root, "agent.log");

    public string KelosLog => Path.Combine(Root, "kelos.log");

    public string ProcessGroupFile => Path.Combine(Root, "pgid");

    /// <summary>Starts from nothing: a run never sees an earlier run's clone or home.</summary>
    public void Recreate()
    {
        Delete();

        foreach (var dir in new[] { Root, Repo, Home, Temp, Credentials })
        {
            Directory.CreateDirectory(dir);
        }

        File.SetUnixFileMode(Credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Removes the token files: they live no longer than the run.</summary>
    public void DeleteCredentials()
    {
        if (Directory.Exists(Credentials))
        {
            Directory.Delete(Credentials, recursive: true);
        }
    }

    /// <summary>Removes everything, including what tools left read-only (module caches do).</summary>
    public void Delete()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var dir in Directory.EnumerateDirectories(Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            File.SetUnixFileMode(dir, File.GetUnixFileMode(dir) | UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(Root, recursive: true);
    }
}
