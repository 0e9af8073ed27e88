using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Kelos.Benchmarks.Load;

/// <summary>
/// Runs the rates of <see cref="LoadSettings"/> against one webhook endpoint, after a warm-up whose figures are
/// dropped (JIT, connection pool, the target's first-use costs). Deliveries for a step are made and signed before
/// the step starts, so the sender's own work during the step is only HTTP.
/// </summary>
internal sealed class RateSweep(LoadSettings settings, TextWriter progress, CpuProbes cpu, StepHooks? hooks = null, Action<System.Text.Json.Nodes.JsonObject>? adjustDelivery = null)
{
    private const int WarmupRate = 200;

    public async Task<IReadOnlyList<StepResult>> RunAsync(Uri endpoint, byte[] key, Func<CancellationToken, Task>? afterWarmup, CancellationToken cancellationToken)
    {
        var template = DeliveryTemplate.Load(settings.FixturePath, adjustDelivery);
        using var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = settings.MaxConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        using var client = new HttpClient(handler) { Timeout = settings.RequestTimeout };
        var runner = new OpenLoopRunner(client, endpoint);
        await progress.WriteLineAsync($"  deliveries: {Path.GetFileName(settings.FixturePath)}, {template.BodyLength} bytes each, fresh delivery and comment ids");

        if (settings.Warmup > TimeSpan.Zero)
        {
            var warm = await RunStepAsync(runner, template, key, WarmupRate, settings.Warmup, cancellationToken);
            await progress.WriteLineAsync($"  warm-up: {warm.Success}/{warm.Sent} 2xx{Problem(warm)}");
            if (warm.Success == 0)
            {
                throw new InvalidOperationException($"no delivery of the warm-up got a 2xx from {endpoint}{Problem(warm)}");
            }

            if (afterWarmup is not null)
            {
                await afterWarmup(cancellationToken);
            }
        }

        var results = new List<StepResult>();
        foreach (var rate in settings.Rates)
        {
            await Task.Delay(settings.Pause, cancellationToken);
            var result = await RunStepAsync(runner, template, key, rate, settings.StepDuration, cancellationToken);
            results.Add(result);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {rate,5}/s: {result.Success}/{result.Sent} 2xx ({result.Accepted} 202), p50 {result.P50:F1} ms, p99 {result.P99:F1} ms, max {result.Max:F1} ms, CPU server {Percent(result.ServerCpuPercent)} broker {Percent(result.BrokerCpuPercent)} sender {Percent(result.SenderCpuPercent)} total {Percent(result.TotalCpuPercent)}{Tasks(result)}{Problem(result)}"));
        }

        return results;
    }

    private async Task<StepResult> RunStepAsync(OpenLoopRunner runner, DeliveryTemplate template, byte[] key, int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var count = Math.Max(1, (int)Math.Round(rate * duration.TotalSeconds));
        var batch = template.Prepare(count, key);
        if (hooks?.Before is { } before)
        {
            await before(batch, cancellationToken);
        }

        // The previous step's buffers go now, not in a full collection in the middle of this step.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var server = cpu.Server?.Invoke();
        var broker = cpu.Broker?.Invoke();
        var sender = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = await runner.RunAsync(rate, batch, cancellationToken);
        var wall = clock.Elapsed.TotalMilliseconds;
        result = result with
        {
            ServerCpuPercent = server is { } serverBefore ? (cpu.Server!() - serverBefore).TotalMilliseconds * 100 / wall : null,
            BrokerCpuPercent = broker is { } start ? (cpu.Broker!() - start).TotalMilliseconds * 100 / wall : null,
            SenderCpuPercent = (Process.GetCurrentProcess().TotalProcessorTime - sender).TotalMilliseconds * 100 / wall,
        };
        return hooks?.After is { } after ? await after(batch, result, cancellationToken) : result;
    }

    private static string Tasks(StepResult result) => result.Tasks is { } t
        ? string.Create(CultureInfo.InvariantCulture, $", Tasks {t.Created} (missing {t.Missing}), delivery to Task p50 {t.P50:F1} ms p99 {t.P99:F1} ms")
        : "";

    public static string Percent(double? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:F0}%") : "-";

    private static string Problem(StepResult result) => result.FirstProblem is { } problem ? $" (first problem: {problem})" : "";
}
