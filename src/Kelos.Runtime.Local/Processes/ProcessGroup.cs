using System.Runtime.InteropServices;

namespace Kelos.Runtime.Local.Processes;

/// <summary>
/// Signals a whole process group. Children are started through <c>setsid</c>, so each one leads its own group
/// and a cancel or a timeout reaches everything it spawned, not only the top process.
/// </summary>
public static partial class ProcessGroup
{
    private const int SigTerm = 15;
    private const int SigKill = 9;

    /// <summary>SIGTERM to the group; SIGKILL after <paramref name="grace"/> when it is still there.</summary>
    public static async Task TerminateAsync(int groupId, TimeSpan grace)
    {
        if (!IsAlive(groupId) || !Signal(groupId, SigTerm))
        {
            return;
        }

        var deadline = DateTime.UtcNow + grace;
        while (DateTime.UtcNow < deadline)
        {
            if (!IsAlive(groupId))
            {
                return;
            }

            await Task.Delay(50);
        }

        Signal(groupId, SigKill);
    }

    public static void Kill(int groupId) => Signal(groupId, SigKill);

    /// <summary>
    /// True while a process of the group is still running. Zombies do not count: an exited child waits for
    /// its reaper, which can take a while where PID 1 reaps lazily, and it holds nothing.
    /// </summary>
    public static bool IsAlive(int groupId)
    {
        if (groupId <= 0 || NativeKill(-groupId, 0) != 0)
        {
            return false;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (LiveMemberOf(dir, groupId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Fields of <c>/proc/PID/stat</c> after the command: state is the first, the process group the third.</summary>
    private static bool LiveMemberOf(string procDir, int groupId)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(procDir, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] != "Z" && fields[0] != "X" && fields[2] == groupId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return false;
        }
    }

    private static bool Signal(int groupId, int signal) => groupId > 0 && NativeKill(-groupId, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int NativeKill(int pid, int signal);
}
