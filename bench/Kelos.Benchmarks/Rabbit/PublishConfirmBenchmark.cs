using System.Diagnostics;
using Kelos.Benchmarks.Load;
using RabbitMQ.Client;

namespace Kelos.Benchmarks.Rabbit;

/// <summary>
/// The ceiling for Kelos on RabbitMQ: raw RabbitMQ.Client publishes of persistent messages to a durable queue, each
/// awaited until the broker confirmed it, with a fixed number in flight on one channel. The queue is this run's own
/// and is deleted at the end.
/// </summary>
internal sealed class PublishConfirmBenchmark(Uri url, int messageBytes, Func<TimeSpan>? brokerCpu)
{
    public async Task<IReadOnlyList<PublishResult>> RunAsync(IReadOnlyList<int> inFlightLevels, int messages, TextWriter progress, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = url, ClientProvidedName = "kelos-bench" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        var queue = $"kelos-bench-publish-{Guid.NewGuid():N}";
        await using (var setup = await connection.CreateChannelAsync(cancellationToken: cancellationToken))
        {
            await setup.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        }

        var body = new byte[messageBytes];
        Array.Fill(body, (byte)'x');
        var results = new List<PublishResult>();
        try
        {
            // A short warm-up (JIT, the queue's first writes), not measured.
            await MeasureAsync(connection, queue, body, 16, Math.Min(messages, 1000), cancellationToken);
            foreach (var inFlight in inFlightLevels)
            {
                var broker = brokerCpu?.Invoke();
                var publisher = Process.GetCurrentProcess().TotalProcessorTime;
                var result = await MeasureAsync(connection, queue, body, inFlight, messages, cancellationToken);
                var wall = result.Elapsed.TotalMilliseconds;
                result = result with
                {
                    BrokerCpuPercent = broker is { } before ? (brokerCpu!() - before).TotalMilliseconds * 100 / wall : null,
                    PublisherCpuPercent = (Process.GetCurrentProcess().TotalProcessorTime - publisher).TotalMilliseconds * 100 / wall,
                };
                results.Add(result);
                await progress.WriteLineAsync($"  {inFlight,4} in flight: {result.PerSecond:F0} confirmed publishes/s, p50 {result.P50:F2} ms, p99 {result.P99:F2} ms, CPU broker {RateSweep.Percent(result.BrokerCpuPercent)} publisher {RateSweep.Percent(result.PublisherCpuPercent)}");
            }
        }
        finally
        {
            await using var cleanup = await connection.CreateChannelAsync(cancellationToken: CancellationToken.None);
            await cleanup.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false, cancellationToken: CancellationToken.None);
        }

        return results;
    }

    private async Task<PublishResult> MeasureAsync(IConnection connection, string queue, byte[] body, int inFlight, int messages, CancellationToken cancellationToken)
    {
        // Confirms tracked by the client: each BasicPublishAsync returns once the broker confirmed that message.
        // The limiter is set well above inFlight so that only inFlight bounds the publishes outstanding.
        var options = new CreateChannelOptions(
            publisherConfirmationsEnabled: true,
            publisherConfirmationTrackingEnabled: true,
            outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(Math.Max(128, inFlight * 4)));
        await using var channel = await connection.CreateChannelAsync(options, cancellationToken);
        var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
        var times = new double[messages];
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, inFlight).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < messages)
            {
                var sent = Stopwatch.GetTimestamp();
                await channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, body, cancellationToken);
                times[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            }
        });
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        await channel.QueuePurgeAsync(queue, cancellationToken);
        Array.Sort(times);
        return new PublishResult(inFlight, messages, messageBytes, elapsed, Percentiles.Of(times, 50), Percentiles.Of(times, 99), times[^1]);
    }
}
