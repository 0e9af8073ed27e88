using System.Diagnostics;
using Kelos.Core.Deliveries;
using Kelos.Runtime.Local.Deliveries;
using Kelos.Runtime.Local.State;
using Xunit.Abstractions;

namespace Kelos.GitHub.Webhooks.Tests;

/// <summary>The file ledger: durable across restarts, shared by two processes, pruned after the retention.</summary>
public sealed class FileDeliveryLedgerTests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("kelos-ledger-").FullName;
    private readonly ManualTimeProvider _time = new(Monday);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private FileDeliveryLedger Open() => new(new StateDirectory(_root), _time);

    private string DeliveriesDirectory => Path.Combine(_root, "deliveries");

    [Fact]
    public void TryRecord_NewThenSameDeliveryThenSameEvent_TrueFalseFalse()
    {
        using var ledger = Open();

        Assert.True(ledger.TryRecord("d1", "issue_comment:created:1", Monday));
        Assert.False(ledger.TryRecord("d1", "issue_comment:created:2", Monday));
        Assert.False(ledger.TryRecord("d2", "issue_comment:created:1", Monday));
        Assert.True(ledger.TryRecord("d3", "issue_comment:created:3", Monday));
    }

    [Fact]
    public void TryRecord_AfterARestart_StillRemembers()
    {
        using (var before = Open())
        {
            Assert.True(before.TryRecord("d1", "e1", Monday));
            before.Accept("d1", "e1");
        }

        using var after = Open();

        Assert.False(after.TryRecord("d1", "e-other", Monday.AddHours(1)));
        Assert.False(after.TryRecord("d-other", "e1", Monday.AddHours(1)));
    }

    [Fact]
    public void Forget_ThenTheSameDelivery_IsAcceptedAgainAlsoAfterARestart()
    {
        using (var ledger = Open())
        {
            Assert.True(ledger.TryRecord("d1", "e1", Monday));
            ledger.Forget("d1", "e1");
            Assert.True(ledger.TryRecord("d1", "e1", Monday));
            ledger.Forget("d1", "e1");
        }

        using var restarted = Open();

        Assert.True(restarted.TryRecord("d1", "e1", Monday));
    }

    [Fact]
    public void Forget_OnTheDayAfterTheRecord_StillCountsAfterARestart()
    {
        using (var ledger = Open())
        {
            Assert.True(ledger.TryRecord("d1", "e1", Monday.AddHours(11).AddMinutes(59)));
            _time.Now = Monday.AddHours(12).AddMinutes(1);
            ledger.Forget("d1", "e1");
        }

        using var restarted = Open();

        Assert.True(restarted.TryRecord("d1", "e1", _time.Now));
    }

    [Fact]
    public void TryRecord_PendingWithinThePendingLimit_IsADuplicate_PastIt_IsNew()
    {
        using var ledger = Open();
        Assert.True(ledger.TryRecord("d1", "e1", Monday));

        // Being published right now: the same delivery again is a duplicate.
        Assert.False(ledger.TryRecord("d1", "e1", Monday.AddSeconds(10)));
        // Never concluded (the process died while publishing, so GitHub got no 2xx): its redelivery is new.
        Assert.True(ledger.TryRecord("d1", "e1", Monday.AddSeconds(31)));
    }

    [Fact]
    public void StateOf_FollowsTheWebhooksProtocol_AlsoAfterARestart()
    {
        using (var ledger = Open())
        {
            Assert.Equal(DeliveryState.Unknown, ledger.StateOf("d1", Monday));
            Assert.True(ledger.TryRecord("d1", "e1", Monday));
            Assert.True(ledger.TryRecord("d2", "e2", Monday));
            Assert.True(ledger.TryRecord("d3", "e3", Monday));
            Assert.Equal(DeliveryState.Pending, ledger.StateOf("d1", Monday));
            ledger.Accept("d1", "e1");
            ledger.Forget("d2", "e2");
            Assert.Equal(DeliveryState.Accepted, ledger.StateOf("d1", Monday));
            Assert.Equal(DeliveryState.Refused, ledger.StateOf("d2", Monday));
        }

        using var restarted = Open();

        Assert.Equal(DeliveryState.Accepted, restarted.StateOf("d1", Monday.AddMinutes(1)));
        Assert.Equal(DeliveryState.Refused, restarted.StateOf("d2", Monday.AddMinutes(1)));
        // Never concluded: nothing says it was refused, so it is acted on.
        Assert.Equal(DeliveryState.Unknown, restarted.StateOf("d3", Monday.AddMinutes(1)));
        Assert.Equal(DeliveryState.Unknown, restarted.StateOf("d1", Monday.AddDays(8)));
    }

    [Fact]
    public void StateOf_SeesWhatAnotherInstanceConcluded()
    {
        using var webhook = Open();
        using var consumer = Open();
        Assert.True(webhook.TryRecord("d1", "e1", Monday));
        Assert.Equal(DeliveryState.Pending, consumer.StateOf("d1", Monday));

        webhook.Accept("d1", "e1");

        Assert.Equal(DeliveryState.Accepted, consumer.StateOf("d1", Monday));
    }

    [Fact]
    public async Task SettledStateAsync_PendingUntilTheWebhookConcludes_ThenItsOutcome()
    {
        using var ledger = Open();
        using var other = Open();
        Assert.True(ledger.TryRecord("d1", "e1", Monday));
        Assert.True(ledger.TryRecord("d2", "e2", Monday));

        var here = ledger.SettledStateAsync("d1", CancellationToken.None);
        var elsewhere = other.SettledStateAsync("d2", CancellationToken.None);
        Assert.False(here.IsCompleted);
        ledger.Accept("d1", "e1");
        ledger.Forget("d2", "e2");

        Assert.Equal(DeliveryState.Accepted, await here.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(DeliveryState.Refused, await elsewhere.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(DeliveryState.Unknown, await ledger.SettledStateAsync("never-recorded", CancellationToken.None));
    }

    [Fact]
    public void Open_LogWrittenBeforeTheAcceptedMark_OldRecordsAreUnknownAndNotDuplicates()
    {
        Directory.CreateDirectory(DeliveriesDirectory);
        File.WriteAllText(Path.Combine(DeliveriesDirectory, "2026-03-02.log"), $"+ {Monday.ToUnixTimeMilliseconds()} d1 e1 .\n");
        _time.Now = Monday.AddHours(1);

        using var ledger = Open();

        Assert.Equal(DeliveryState.Unknown, ledger.StateOf("d1", _time.Now));
        Assert.True(ledger.TryRecord("d1", "e1", _time.Now));
    }

    [Fact]
    public void TwoInstancesOnOneDirectory_SeeEachOthersDeliveries()
    {
        using var first = Open();
        using var second = Open();

        Assert.True(first.TryRecord("d1", "e1", Monday));
        Assert.False(second.TryRecord("d1", "e2", Monday));
        Assert.True(second.TryRecord("d2", "e2", Monday));
        Assert.False(first.TryRecord("d3", "e2", Monday));
        second.Forget("d2", "e2");
        Assert.True(first.TryRecord("d2", "e2", Monday));
    }

    [Fact]
    public async Task TwoInstancesRacingForTheSameDeliveries_EachIsRecordedOnce()
    {
        using var first = Open();
        using var second = Open();
        var ids = Enumerable.Range(0, 500).Select(i => $"d{i}").ToArray();

        var wins = await Task.WhenAll(
            Task.Run(() => ids.Count(id => first.TryRecord(id, "e-" + id, Monday))),
            Task.Run(() => ids.Count(id => second.TryRecord(id, "e-" + id, Monday))));

        Assert.Equal(ids.Length, wins.Sum());
    }

    [Fact]
    public void TryRecord_AfterTheRetention_AcceptsAgainAndOldDayFilesAreDeleted()
    {
        using var ledger = Open();
        Assert.True(ledger.TryRecord("d1", "e1", Monday));
        ledger.Accept("d1", "e1");
        Assert.False(ledger.TryRecord("d1", "e1", Monday.AddDays(6)));

        var later = Monday.AddDays(8);
        _time.Now = later;

        Assert.True(ledger.TryRecord("d1", "e1", later));
        Assert.DoesNotContain("2026-03-02.log", Directory.GetFiles(DeliveriesDirectory).Select(Path.GetFileName));
    }

    [Fact]
    public void Open_WithDayFilesOlderThanTheRetention_DeletesThem()
    {
        using (var ledger = Open())
        {
            Assert.True(ledger.TryRecord("d1", "e1", Monday));
        }

        _time.Now = Monday.AddDays(9);
        using var reopened = Open();

        Assert.Empty(Directory.GetFiles(DeliveriesDirectory, "*.log"));
        Assert.True(reopened.TryRecord("d1", "e1", _time.Now));
    }

    [Fact]
    public void Open_AfterACrashTornTheLastLine_KeepsEverythingElseAndGoesOn()
    {
        using (var ledger = Open())
        {
            Assert.True(ledger.TryRecord("d1", "e1", Monday));
        }

        var file = Path.Combine(DeliveriesDirectory, "2026-03-02.log");
        File.AppendAllText(file, "+ 1772452800000 d2 issue_comment%3Acrea");

        using (var reopened = Open())
        {
            Assert.False(reopened.TryRecord("d1", "e9", Monday));
            Assert.True(reopened.TryRecord("d2", "e2", Monday));
        }

        using var again = Open();
        Assert.False(again.TryRecord("d2", "e-other", Monday));
        Assert.True(again.TryRecord("d3", "issue_comment:crea", Monday));
    }

    [Fact]
    public void Identities_WithSpacesColonsAndNewlines_RoundTrip()
    {
        const string Identity = "issues:labeled:1296269:1:good first issue\nwith newline";
        using (var ledger = Open())
        {
            Assert.True(ledger.TryRecord("d1", Identity, Monday));
        }

        using var reopened = Open();

        Assert.False(reopened.TryRecord("d2", Identity, Monday));
    }

    [Fact]
    public void TryRecord_ManyDeliveries_IsFastEnoughForTheFrontEnd()
    {
        using var ledger = Open();
        const int Count = 10_000;
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < Count; i++)
        {
            Assert.True(ledger.TryRecord(Guid.NewGuid().ToString(), $"issue_comment:created:{i}", Monday));
        }

        clock.Stop();
        // Reported, not asserted: timing belongs to the benchmark, not to a test that must pass on a busy CI box.
        output.WriteLine($"{Count} records in {clock.ElapsedMilliseconds} ms: {Count / clock.Elapsed.TotalSeconds:0} per second");
    }
}
