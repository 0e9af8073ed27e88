using System.Collections.Concurrent;
using Kelos.Testing.RabbitMq;
using Xunit.Abstractions;

namespace Kelos.Cli.Tests.Messaging;

/// <summary>
/// The acceptance test of RabbitMQ in production: 1,000 signed command deliveries (each its own delivery id and
/// comment) while the broker is restarted once in the middle. Every delivery answered 2xx produces exactly one Task,
/// every other one was answered 5xx and produces none: the exact sets, not only the counts.
/// </summary>
[Collection(BrokerTests.Name)]
public sealed class BrokerRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Deliveries = 1000;
    private const int InFlight = 16;
    private const int RestartAfter = 400;
    private RabbitMqBroker _broker = null!;
    private GitHubAppServer _kelos = null!;

    public async Task InitializeAsync()
    {
        _broker = await RabbitMqBroker.StartPrivateAsync();
        _kelos = await GitHubAppServer.StartAsync(_broker, output);
    }

    public async Task DisposeAsync()
    {
        await _kelos.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task ThousandCommands_BrokerRestartedInTheMiddle_OneTaskPerAcceptedDeliveryNoneForTheRest()
    {
        var commands = Enumerable.Range(0, Deliveries)
            .Select(i => (Delivery: Guid.NewGuid().ToString(), Comment: _kelos.AddComment($"/kelos run fix typo number {i}"), Body: $"/kelos run fix typo number {i}"))
            .ToArray();
        var answers = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var sent = 0;
        var timing = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var restart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var down = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refusedOne = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The broker stops after the first 400, the deliveries after them go out only once it is down, and it comes
        // back once one of them has been answered 5xx: some deliveries before the restart, some during, the rest after.
        var restarted = Task.Run(async () =>
        {
            await restart.Task;
            await _broker.PauseAsync();
            output.WriteLine($"broker stopped after {Volatile.Read(ref sent)} deliveries at {DateTime.UtcNow:HH:mm:ss.fff}");
            down.TrySetResult();
            await refusedOne.Task.WaitAsync(TimeSpan.FromMinutes(1));
            await _broker.ResumeAsync();
            output.WriteLine($"broker back after {Volatile.Read(ref sent)} deliveries at {DateTime.UtcNow:HH:mm:ss.fff}");
        });

        await Parallel.ForEachAsync(commands.Select((c, i) => (Command: c, Index: i)), new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (item, cancellationToken) =>
        {
            if (item.Index == RestartAfter)
            {
                restart.TrySetResult();
            }

            if (item.Index >= RestartAfter)
            {
                await down.Task.WaitAsync(cancellationToken);
            }

            Interlocked.Increment(ref sent);
            var started = DateTime.UtcNow;
            var status = await _kelos.DeliverCommentAsync(item.Command.Delivery, item.Command.Comment, item.Command.Body, cancellationToken);
            timing[item.Command.Delivery] = $"{started:HH:mm:ss.fff} +{(DateTime.UtcNow - started).TotalSeconds:0.00}s";
            answers[item.Command.Delivery] = status;
            if (status >= 500)
            {
                refusedOne.TrySetResult();
            }
        });
        await restarted;

        var accepted = answers.Where(a => a.Value is >= 200 and < 300).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var refused = answers.Where(a => a.Value is < 200 or >= 300).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        output.WriteLine($"{accepted.Count} answered 2xx, {refused.Count} not: {string.Join(", ", refused.Values.GroupBy(v => v).Select(g => $"{g.Count()} × {g.Key}"))}");
        foreach (var (delivery, status) in refused.Where(r => r.Value == 0).Take(5))
        {
            output.WriteLine($"DEBUG no answer for {delivery} sent {timing[delivery]}: {string.Join(" | ", _kelos.ServerLines(delivery))}");
        }

        Assert.Equal(Deliveries, answers.Count);
        Assert.All(refused.Values, status => Assert.True(status >= 500, $"a delivery was answered {status}, neither 2xx nor 5xx"));
        Assert.NotEmpty(refused);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await _kelos.TasksAsync()).Count < accepted.Count && waited.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(1000);
        }

        if ((await _kelos.TasksAsync()).Count < accepted.Count)
        {
            var have = (await _kelos.TaskDeliveriesAsync()).ToHashSet(StringComparer.Ordinal);
            output.WriteLine($"DEBUG missing Tasks for: {string.Join(", ", accepted.Where(a => !have.Contains(a)).Take(20))}");
            foreach (var queue in await _broker.QueuesAsync())
            {
                output.WriteLine($"DEBUG queue {queue}: {await _broker.ReadyMessagesAsync(queue)} ready");
            }

            foreach (var line in _kelos.ServerLines("WRN").Concat(_kelos.ServerLines("ERR")).Where(l => !l.Contains("Connection Failed", StringComparison.Ordinal) && !l.Contains("could not publish", StringComparison.Ordinal)).Take(80))
            {
                output.WriteLine("DEBUG " + line);
            }

            Assert.Fail($"only {(await _kelos.TasksAsync()).Count} of {accepted.Count} Tasks after 3 minutes");
        }

        // Let Kelos work through what is queued (the 👀 too), stop it so that it finishes what it holds and hands
        // back the rest, then look at what is left on the broker: nothing can be on its way to becoming a late Task.
        await _kelos.WaitUntilAsync(async () => (await Task.WhenAll((await _broker.QueuesAsync()).Select(_broker.ReadyMessagesAsync))).All(n => n is null or 0),
            "every queue to be worked through", TimeSpan.FromMinutes(2));
        await _kelos.StopServeAsync();
        foreach (var queue in await _broker.QueuesAsync())
        {
            Assert.True(await _broker.ReadyMessagesAsync(queue) == 0, $"{queue} still holds messages");
        }

        output.WriteLine($"copies of 503'd deliveries that reached the broker anyway, and were not acted on: {_kelos.ServerLines("so its event is not acted on").Count}");
        var tasks = await _kelos.TaskDeliveriesAsync();
        Assert.Equal(tasks.Count, tasks.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(accepted.Order(StringComparer.Ordinal), tasks.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(tasks, refused.ContainsKey);
    }
}
