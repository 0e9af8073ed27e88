using System.Globalization;
using System.Text;
using Kelos.Benchmarks.Load;

namespace Kelos.Benchmarks.Report;

/// <summary>A rate sweep as a markdown table, with the highest sustained rate under it.</summary>
internal static class LoadTable
{
    public static string Render(string title, IReadOnlyList<StepResult> steps, double p99BoundMs)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"### {title}\n\n");
        text.Append("| rate/s | sent | 2xx | of which 202 | non-2xx | errors | achieved/s | p50 ms | p90 ms | p99 ms | max ms | server CPU | broker CPU | sender CPU | total CPU | sustained |\n");
        text.Append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |\n");
        foreach (var s in steps)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {s.Rate} | {s.Sent} | {s.Success} | {s.Accepted} | {s.Failure} | {s.Errors} | {s.AchievedPerSecond:F0} | {Ms(s.P50)} | {Ms(s.P90)} | {Ms(s.P99)} | {Ms(s.Max)} | {RateSweep.Percent(s.ServerCpuPercent)} | {RateSweep.Percent(s.BrokerCpuPercent)} | {RateSweep.Percent(s.SenderCpuPercent)} | {RateSweep.Percent(s.TotalCpuPercent)} | {(s.IsSustained(p99BoundMs) ? "yes" : "no")} |\n");
        }

        // Every lower rate must have been sustained too: a pass above a failure is noise, not capacity.
        var best = steps.OrderBy(s => s.Rate).TakeWhile(s => s.IsSustained(p99BoundMs)).Select(s => (int?)s.Rate).LastOrDefault();
        text.Append(CultureInfo.InvariantCulture,
            $"\nHighest sustained rate: {(best is { } rate ? $"**{rate}/s**" : "none of the rates")} (it and every lower rate: ≥ 99% 2xx and p99 ≤ {p99BoundMs:0.##} ms). CPU in % of one core; total is server + broker + sender.\n");
        return text.ToString();
    }

    private static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);
}
