using Kelos.Runtime.Local.Processes;

namespace Kelos.Runtime.Local.Sandbox;

/// <summary>
/// Wraps a command in bubblewrap: the host read-only, the user's home and the state directory hidden (secrets,
/// other Tasks' clones), the clone and the run's home writable, a private <c>/tmp</c>, its own PID namespace
/// (so killing it kills everything inside). The network is shared: agents talk to their model.
/// </summary>
public sealed class Bubblewrap(string executable)
{
    /// <summary>bwrap when it is installed and works here, else null.</summary>
    public static Bubblewrap? Detect()
    {
        var path = ExecutableLookup.Find("bwrap", Environment.GetEnvironmentVariable("PATH"));
        if (path is null)
        {
            return null;
        }

        try
        {
            var probe = ChildProcess.CaptureAsync(
                new ProcessSpec(path, ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-pid", "true"], "/", new Dictionary<string, string>()),
                CancellationToken.None).GetAwaiter().GetResult();
            return probe.ExitCode == 0 ? new Bubblewrap(path) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Sockets of services that would hand the agent the host (container engines, the user's session bus).</summary>
    private static readonly string[] ServiceSocketDirectories = ["/run/user", "/run/docker", "/run/containerd", "/run/podman", "/var/run/docker"];

    private static readonly string[] ServiceSockets = ["/var/run/docker.sock", "/run/docker.sock", "/run/podman/podman.sock"];

    /// <summary>True when <paramref name="path"/> is <paramref name="other"/> or one of its ancestors.</summary>
    public static bool IsSameOrAncestor(string path, string other)
    {
        var a = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var b = Path.TrimEndingDirectorySeparator(Path.GetFullPath(other));
        return a == b || b.StartsWith(a == "/" ? "/" : a + "/", StringComparison.Ordinal);
    }

    /// <param name="command">The command to run inside.</param>
    /// <param name="writable">Directories the agent may write (clone, home).</param>
    /// <param name="hidden">Directories the agent must not see.</param>
    /// <param name="readOnly">Paths to show again read-only inside hidden ones (the agent's own install, a token file).</param>
    public ProcessSpec Wrap(ProcessSpec command, IEnumerable<string> writable, IEnumerable<string> hidden, IEnumerable<string> readOnly)
    {
        var args = new List<string>
        {
            "--die-with-parent", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
            "--ro-bind", "/", "/",
            "--dev", "/dev",
            "--proc", "/proc",
            "--tmpfs", "/tmp",
        };
        var hiddenDirs = hidden.Concat(ServiceSocketDirectories).Where(Directory.Exists).ToList();
        foreach (var dir in hiddenDirs)
        {
            args.AddRange(["--tmpfs", dir]);
        }

        foreach (var file in ServiceSockets.Concat(hidden).Where(File.Exists))
        {
            args.AddRange(["--ro-bind", "/dev/null", file]);
        }

        // Shown again inside hidden places, read-only; never a path that would uncover a hidden one whole.
        foreach (var path in readOnly.Where(p => Path.Exists(p) && !hiddenDirs.Any(h => IsSameOrAncestor(p, h))))
        {
            args.AddRange(["--ro-bind", path, path]);
        }

        foreach (var dir in writable)
        {
            args.AddRange(["--bind", dir, dir]);
        }

        args.AddRange(["--chdir", command.WorkingDirectory, "--", command.FileName]);
        args.AddRange(command.Arguments);
        return command with { FileName = executable, Arguments = args };
    }
}
