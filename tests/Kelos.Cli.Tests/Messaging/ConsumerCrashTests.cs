using Kelos.Testing.RabbitMq;
using Xunit.Abstractions;

namespace Kelos.Cli.Tests.Messaging;

/// <summary>
/// <c>kelos serve</c> killed (SIGKILL) while a consumer is in the middle of a message: the broker hands the message
/// back, the restarted Kelos handles it, and what the person sees is one Task and one 👀.
/// </summary>
[Collection(BrokerTests.Name)]
public sealed class ConsumerCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private RabbitMqBroker _broker = null!;
    private GitHubAppServer _kelos = null!;

    public async Task InitializeAsync()
    {
        _broker = await RabbitMqBroker.ForTestAsync();
        _kelos = await GitHubAppServer.StartAsync(_broker, output);
    }

    public async Task DisposeAsync()
    {
        await _kelos.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task KilledWhileCheckingTheAuthor_MessageComesBackAfterTheRestart_OneTaskOneEyes()
    {
        var commentId = _kelos.AddComment("/kelos run fix the typo");
        var delivery = Guid.NewGuid().ToString();
        // The consumer asks GitHub for alice's permission before it creates the Task: hold that call, and kill
        // Kelos while it waits for the answer.
        using var hold = _kelos.GitHub.HoldCalls($"/repos/{GitHubAppServer.Repository}/collaborators/");

        Assert.Equal(202, await _kelos.DeliverCommentAsync(delivery, commentId, "/kelos run fix the typo"));
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        await _kelos.KillServeAsync();
        hold.Release();
        Assert.Empty(await _kelos.TasksAsync());

        await _kelos.StartServeAsync();

        await _kelos.WaitUntilAsync(async () => (await _kelos.TasksAsync()).Count > 0 && _kelos.Eyes(commentId) > 0, "the Task and the 👀 after the restart");
        Assert.Equal([delivery], await _kelos.TaskDeliveriesAsync());
        Assert.Equal(1, _kelos.Eyes(commentId));
        Assert.Equal(1, hold.Held);
        Assert.Equal(0u, await _broker.ReadyMessagesAsync("kelos-github-event"));
    }
}
