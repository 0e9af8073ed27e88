using Kelos.Benchmarks.Load;
using Kelos.Benchmarks.Report;
using Kelos.Benchmarks.Targets;

namespace Kelos.Benchmarks.Commands;

/// <summary>A rate sweep against one target in a scratch directory that is removed afterwards; the table goes to stdout.</summary>
internal static class Sweep
{
    public static async Task<int> RunAsync(
        string title,
        LoadSettings settings,
        Func<string, CancellationToken, Task<WebhookTarget>> startTarget,
        Func<CancellationToken, Task>? afterWarmup,
        Func<TimeSpan>? brokerCpu,
        CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("kelos-bench-");
        try
        {
            await Console.Error.WriteLineAsync($"{title}:");
            IReadOnlyList<StepResult> results;
            await using (var target = await startTarget(work.FullName, cancellationToken))
            {
                await Console.Error.WriteLineAsync($"  target {target.Endpoint}");
                results = await new RateSweep(settings, Console.Error, new CpuProbes(target.Server is { } server ? () => server.CpuTime : null, brokerCpu)).RunAsync(target.Endpoint, target.Key, afterWarmup, cancellationToken);
            }

            await Console.Out.WriteLineAsync(LoadTable.Render(title, results, settings.P99BoundMs));
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
