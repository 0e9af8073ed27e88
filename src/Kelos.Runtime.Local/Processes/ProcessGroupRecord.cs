using System.Globalization;

namespace Kelos.Runtime.Local.Processes;

/// <summary>
/// A process group written down so a later Kelos can stop it after a crash: its id and the start time of its
/// leader (from <c>/proc</c>), so a recycled id — after a reboot, or much later — is never mistaken for it.
/// </summary>
public static class ProcessGroupRecord
{
    public static void Write(string file, int groupId) =>
        File.WriteAllText(file, string.Create(CultureInfo.InvariantCulture, $"{groupId} {StartTime(groupId)}"));

    /// <summary>Kills the recorded group when it is still the same one; forgets the record either way.</summary>
    public static int? KillIfAlive(string file)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var parts = File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        File.Delete(file);
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var group) || StartTime(group) != parts[1] || !ProcessGroup.IsAlive(group))
        {
            return null;
        }

        ProcessGroup.Kill(group);
        return group;
    }

    /// <summary>Field 22 of <c>/proc/PID/stat</c> (start time in clock ticks since boot), or "gone".</summary>
    private static string StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[19] + "@" + File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim();
        }
        catch (IOException)
        {
            return "gone";
        }
    }
}
