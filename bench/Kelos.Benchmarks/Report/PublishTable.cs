using System.Globalization;
using System.Text;
using Kelos.Benchmarks.Load;
using Kelos.Benchmarks.Rabbit;

namespace Kelos.Benchmarks.Report;

/// <summary>Publish-with-confirm results as a markdown table.</summary>
internal static class PublishTable
{
    public static string Render(IReadOnlyList<PublishResult> results)
    {
        var text = new StringBuilder();
        text.Append("### RabbitMQ.Client publish with confirm (persistent messages, durable queue, one channel)\n\n");
        text.Append("| in flight | messages | bytes | confirmed/s | p50 ms | p99 ms | max ms | broker CPU | publisher CPU |\n");
        text.Append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var r in results)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {r.InFlight} | {r.Messages} | {r.MessageBytes} | {r.PerSecond:F0} | {r.P50:F2} | {r.P99:F2} | {r.Max:F1} | {RateSweep.Percent(r.BrokerCpuPercent)} | {RateSweep.Percent(r.PublisherCpuPercent)} |\n");
        }

        text.Append("\nTime is from publish to confirm. CPU in % of one core.\n");
        return text.ToString();
    }
}
