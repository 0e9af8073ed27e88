namespace Kelos.Runtime.Local.Tests;

/// <summary>Looks at the host's live processes (works whatever PID namespace started them).</summary>
internal static class Processes
{
    /// <summary>How many live <c>sleep SECONDS</c> processes there are.</summary>
    public static int CountSleeping(string seconds)
    {
        var count = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                if (cmdline == $"sleep\0{seconds}\0" && !stat.Contains(") Z ", StringComparison.Ordinal))
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // Gone while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }

        return count;
    }
}
