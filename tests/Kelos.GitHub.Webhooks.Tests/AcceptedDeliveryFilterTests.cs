using System.Collections.Concurrent;
using Kelos.Contracts;
using Kelos.Core.Deliveries;
using Kelos.Runtime.Local.Deliveries;
using Kelos.Runtime.Local.State;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Kelos.GitHub.Webhooks.Tests;

/// <summary>
/// Consumers of <see cref="GitHubEventReceived"/> act only on deliveries the webhook did not refuse: a copy of a
/// 503'd delivery is dropped, one whose answer is still being decided waits for it. One message at a time on one
/// queue, so a later message's arrival proves the earlier ones were settled.
/// </summary>
public sealed class AcceptedDeliveryFilterTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly string _root = Directory.CreateTempSubdirectory("kelos-filter-").FullName;
    private readonly FileDeliveryLedger _ledger;
    private readonly ServiceProvider _services;

    public AcceptedDeliveryFilterTests()
    {
        _ledger = new FileDeliveryLedger(new StateDirectory(_root), TimeProvider.System);
        var services = new ServiceCollection().AddLogging().AddSingleton<IDeliveryLedger>(_ledger).AddSingleton<Seen>();
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<RecordingConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 1);
            bus.UsingInMemory((context, cfg) =>
            {
                cfg.UseAcceptedDeliveriesOnly(context);
                cfg.ConfigureEndpoints(context);
            });
        });
        _services = services.BuildServiceProvider();
    }

    private Seen Consumed => _services.GetRequiredService<Seen>();

    public Task InitializeAsync() => _services.GetRequiredService<IBusControl>().StartAsync();

    public async Task DisposeAsync()
    {
        await _services.GetRequiredService<IBusControl>().StopAsync();
        await _services.DisposeAsync();
    }

    public void Dispose()
    {
        _ledger.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task AcceptedRefusedAndUnknown_OnlyTheRefusedIsDropped()
    {
        Record("accepted", accept: true);
        Record("refused", accept: false);

        await PublishAsync("accepted");
        await PublishAsync("refused");
        await PublishAsync("never-recorded");

        Assert.Equal(["accepted", "never-recorded"], await Consumed.TakeAsync(2));
    }

    [Fact]
    public async Task Pending_WaitsForTheWebhooksAnswer()
    {
        Assert.True(_ledger.TryRecord("pending-then-accepted", "e-1", Now));
        Assert.True(_ledger.TryRecord("pending-then-refused", "e-2", Now));

        await PublishAsync("pending-then-refused");
        await PublishAsync("pending-then-accepted");
        await PublishAsync("after");
        await Task.Delay(300);
        _ledger.Forget("pending-then-refused", "e-2");
        _ledger.Accept("pending-then-accepted", "e-1");

        Assert.Equal(["pending-then-accepted", "after"], await Consumed.TakeAsync(2));
    }

    private void Record(string delivery, bool accept)
    {
        Assert.True(_ledger.TryRecord(delivery, "e-" + delivery, Now));
        if (accept)
        {
            _ledger.Accept(delivery, "e-" + delivery);
        }
        else
        {
            _ledger.Forget(delivery, "e-" + delivery);
        }
    }

    private Task PublishAsync(string delivery) => _services.GetRequiredService<IBus>().Publish(new GitHubEventReceived(
        delivery, "issue_comment", "created", 1, null, new GitHubActor("alice", 1, "User"), null, null, null, null, Now));

    /// <summary>The delivery ids consumed, in order.</summary>
    public sealed class Seen
    {
        private readonly BlockingCollection<string> _ids = [];

        public void Add(string id) => _ids.Add(id);

        public async Task<IReadOnlyList<string>> TakeAsync(int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            return await Task.Run(() => Enumerable.Range(0, count).Select(_ => _ids.Take(timeout.Token)).ToList());
        }
    }

    public sealed class RecordingConsumer(Seen seen) : IConsumer<GitHubEventReceived>
    {
        public Task Consume(ConsumeContext<GitHubEventReceived> context)
        {
            seen.Add(context.Message.DeliveryId);
            return Task.CompletedTask;
        }
    }
}
