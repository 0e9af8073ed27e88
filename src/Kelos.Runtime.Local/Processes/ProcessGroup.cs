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
        if (!Signal(groupId, SigTerm))
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

    /// <summary>True while any process of the group exists.</summary>
    public static bool IsAlive(int groupId) => groupId > 0 && NativeKill(-groupId, 0) == 0;

    private static bool Signal(int groupId, int signal) => groupId > 0 && NativeKill(-groupId, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int NativeKill(int pid, int signal);
}
