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
        foreach (var dir in hidden.Where(Directory.Exists))
        {
            args.AddRange(["--tmpfs", dir]);
        }

        foreach (var path in readOnly.Where(p => Path.Exists(p)))
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
