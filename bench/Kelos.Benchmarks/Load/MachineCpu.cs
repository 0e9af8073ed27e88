using System.Globalization;

namespace Kelos.Benchmarks.Load;

/// <summary>
/// The whole machine's busy CPU from <c>/proc/stat</c>: the sender, the server and the broker (which is not this
/// tool's child) together, to tell a saturated machine from a server that waits on something.
/// </summary>
internal readonly record struct MachineCpu(long Busy, long Total)
{
    public static MachineCpu Read()
    {
        if (!File.Exists("/proc/stat"))
        {
            return default;
        }

        // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest time is already in user)
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + fields[4];
        var total = fields.Sum();
        return new MachineCpu(total - idle, total);
    }

    /// <summary>Busy time between two readings in % of one core (200% is both cores of a 2-core machine).</summary>
    public static double? PercentBetween(MachineCpu before, MachineCpu after)
    {
        var total = after.Total - before.Total;
        return total <= 0 ? null : (after.Busy - before.Busy) * 100.0 * Environment.ProcessorCount / total;
    }
}
