using System.Globalization;
using System.Runtime.InteropServices;

namespace Kelos.Benchmarks.Report;

/// <summary>One line that says what the figures were measured on.</summary>
internal static class MachineLine
{
    public static string Describe()
    {
        var gib = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, {gib:F0} GiB, {OsName()}, {RuntimeInformation.FrameworkDescription}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
    }

    private static string OsName()
    {
        const string prefix = "PRETTY_NAME=";
        var line = File.Exists("/etc/os-release") ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) : null;
        return line is null ? RuntimeInformation.OSDescription : line[prefix.Length..].Trim('"');
    }
}
