using System.Net;
using Kelos.Testing.RabbitMq;
using Xunit.Abstractions;

namespace Kelos.Cli.Tests.Messaging;

/// <summary>
/// The broker goes away while <c>kelos serve</c> runs, and comes back: <c>/readyz</c> follows it without a restart of
/// Kelos, a delivery that arrives meanwhile is answered 503 and leaves nothing behind, and
/// <c>kelos github-app redeliver</c> recovers it once the broker is back.
/// </summary>
[Collection(BrokerTests.Name)]
public sealed class BrokerOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(90);
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
    public async Task BrokerDown_Readyz503AndDelivery503WithNothingDone_BackUp_ReadyAndRedeliverCreatesTheTaskOnce()
    {
        var commentId = _kelos.AddComment("/kelos run fix the typo");
        var delivery = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.OK, await _kelos.StatusAsync("readyz"));

        await _broker.PauseAsync();
        await _kelos.WaitUntilAsync(async () => await _kelos.StatusAsync("readyz") == HttpStatusCode.ServiceUnavailable, "/readyz to answer 503", Outage);
        var whileDown = await _kelos.DeliverCommentAsync(delivery, commentId, "/kelos run fix the typo");

        // 503, not GitHub's timeout (0): the publish gives up well inside GitHub's 10 s.
        Assert.Equal(503, whileDown);
        Assert.Equal(HttpStatusCode.OK, await _kelos.StatusAsync("healthz"));

        await _broker.ResumeAsync();
        await _kelos.WaitUntilAsync(async () => await _kelos.StatusAsync("readyz") == HttpStatusCode.OK, "/readyz to answer 200 again", Outage);
        Assert.Empty(await _kelos.TasksAsync());
        Assert.Equal(0, _kelos.Eyes(commentId));

        var redeliver = await _kelos.Kelos.RunAsync(["github-app", "redeliver", "--since", "2h"], TimeSpan.FromMinutes(1), _kelos.Environment);

        Assert.True(redeliver.ExitCode == 0, redeliver.ToString());
        Assert.Matches($@"{delivery}\s+issue_comment\.created\s+\S+ ago\s+503\s+redelivered", redeliver.StandardOutput);
        var redelivered = Assert.Single(await _kelos.Hook.RedeliverRequestedAsync());
        // Accepted as new (202), not taken for a duplicate (200): the refused delivery left no entry in the ledger.
        Assert.Equal((delivery, 202), redelivered);
        await _kelos.WaitUntilAsync(async () => (await _kelos.TasksAsync()).Count > 0 && _kelos.Eyes(commentId) > 0, "the Task and the 👀");
        Assert.Equal([delivery], await _kelos.TaskDeliveriesAsync());
        Assert.Equal(1, _kelos.Eyes(commentId));

        var again = await _kelos.Kelos.RunAsync(["github-app", "redeliver", "--since", "2h"], TimeSpan.FromMinutes(1), _kelos.Environment);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("No failed deliveries since", again.StandardOutput, StringComparison.Ordinal);
    }
}
