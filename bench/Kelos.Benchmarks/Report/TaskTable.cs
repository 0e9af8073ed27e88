using System.Globalization;
using System.Text;
using Kelos.Benchmarks.Load;

namespace Kelos.Benchmarks.Report;

/// <summary>A sweep of <c>kelos-bench tasks</c> as a markdown table: the answers, then the Tasks they led to.</summary>
internal static class TaskTable
{
    public static string Render(string title, IReadOnlyList<StepResult> steps, double p99BoundMs)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"### {title}\n\n");
        text.Append("| rate/s | sent | 202 | p50 ms to 202 | p99 ms to 202 | Tasks | missing | Tasks/s | to Task p50 ms | p90 ms | p99 ms | max ms | server CPU | broker CPU | sender + GitHub CPU | sustained |\n");
        text.Append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |\n");
        foreach (var s in steps)
        {
            var t = s.Tasks;
            text.Append(CultureInfo.InvariantCulture,
                $"| {s.Rate} | {s.Sent} | {s.Accepted} | {Ms(s.P50)} | {Ms(s.P99)} | {t?.Created} | {t?.Missing} | {Rate(t?.CreatedPerSecond)} | {Ms(t?.P50)} | {Ms(t?.P90)} | {Ms(t?.P99)} | {Ms(t?.Max)} | {RateSweep.Percent(s.ServerCpuPercent)} | {RateSweep.Percent(s.BrokerCpuPercent)} | {RateSweep.Percent(s.SenderCpuPercent)} | {(Sustained(s, p99BoundMs) ? "yes" : "no")} |\n");
        }

        var best = steps.OrderBy(s => s.Rate).TakeWhile(s => Sustained(s, p99BoundMs)).Select(s => (int?)s.Rate).LastOrDefault();
        text.Append(CultureInfo.InvariantCulture,
            $"\nHighest sustained rate: {(best is { } rate ? $"**{rate}/s**" : "none of the rates")} (it and every lower rate: ≥ 99% answered 2xx with p99 ≤ {p99BoundMs:0.##} ms, a Task for every accepted delivery, and p99 to the Task ≤ 1 s). Times to the Task run from the moment a delivery was due to its Task's creationTimestamp; Tasks/s is the rate they appeared at. CPU in % of one core; the sender's includes the in-process GitHub stand-in answering the 👀 and token calls.\n");
        return text.ToString();
    }

    /// <summary>The webhook's sustained rate, and every accepted delivery's Task within a second at p99.</summary>
    public static bool Sustained(StepResult step, double p99BoundMs) =>
        step.IsSustained(p99BoundMs) && step.Tasks is { Missing: 0 } tasks && tasks.P99 <= 1000;

    private static string Ms(double? value) => value is not { } v || double.IsNaN(v) ? "-" : v.ToString(v < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    private static string Rate(double? value) => value is not { } v || double.IsNaN(v) ? "-" : v.ToString("F0", CultureInfo.InvariantCulture);
}
