using System.Diagnostics;
using System.Globalization;

namespace Kelos.Benchmarks.Targets;

/// <summary>
/// The broker started by <c>scripts/rabbitmq.sh</c>, found through <c>$KELOS_RABBITMQ_DIR/rabbitmq.pid</c> (the Erlang
/// VM's pid), so that its CPU can be reported beside the server's. A broker started otherwise is simply not measured.
/// </summary>
internal static class BrokerProcess
{
    public const string DirectoryVariable = "KELOS_RABBITMQ_DIR";

    public static Func<TimeSpan>? CpuFromEnvironment()
    {
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        var pidFile = string.IsNullOrEmpty(directory) ? null : Path.Combine(directory, "rabbitmq.pid");
        if (pidFile is null || !File.Exists(pidFile)
            || !int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        try
        {
            var process = Process.GetProcessById(pid);
            return () =>
            {
                process.Refresh();
                return process.TotalProcessorTime;
            };
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
