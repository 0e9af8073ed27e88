namespace Kelos.Runtime.Local.Processes;

/// <summary>Finds an executable the way a shell would: a path as given, a bare name on PATH.</summary>
public static class ExecutableLookup
{
    /// <summary>A name with a slash is a path, relative to <paramref name="workingDirectory"/>; a bare name is looked up on PATH.</summary>
    public static string? Find(string name, string? path, string? workingDirectory = null)
    {
        if (name.Contains('/', StringComparison.Ordinal))
        {
            var full = Path.GetFullPath(name, workingDirectory ?? Directory.GetCurrentDirectory());
            return File.Exists(full) ? full : null;
        }

        foreach (var dir in (path ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// What must stay visible for the executable to run: its real location, widened to the enclosing
    /// <c>node_modules</c> for npm-installed CLIs (they load their package and its dependencies).
    /// </summary>
    public static string InstallRoot(string executable)
    {
        var real = new FileInfo(executable).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? executable;
        var dir = Path.GetDirectoryName(real)!;
        for (var probe = dir; probe is not null; probe = Path.GetDirectoryName(probe))
        {
            if (Path.GetFileName(probe) == "node_modules")
            {
                return probe;
            }
        }

        return dir;
    }
}
