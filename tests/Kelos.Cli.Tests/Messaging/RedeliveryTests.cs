using System.Text;
using Kelos.Testing.RabbitMq;
using Xunit.Abstractions;

namespace Kelos.Cli.Tests.Messaging;

/// <summary>
/// A transient fault (GitHub answering 502) that outlives the immediate retries is redelivered through the broker's
/// redelivery queues, later; one that outlives every redelivery ends in the <c>_error</c> queue. Delays are shortened
/// to 1 s and 2 s with <c>KELOS_BUS_REDELIVERY</c>.
/// </summary>
[Collection(BrokerTests.Name)]
public sealed class RedeliveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ErrorQueue = "kelos-acknowledge_error";
    private RabbitMqBroker _broker = null!;
    private GitHubAppServer _kelos = null!;

    private static string ReactionsPath(long commentId) => $"/repos/{GitHubAppServer.Repository}/issues/comments/{commentId}/reactions";

    public async Task InitializeAsync()
    {
        _broker = await RabbitMqBroker.ForTestAsync();
        _kelos = await GitHubAppServer.StartAsync(_broker, output, new Dictionary<string, string?> { ["KELOS_BUS_REDELIVERY"] = "1s,2s" });
    }

    public async Task DisposeAsync()
    {
        await _kelos.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task GitHubFailsPastTheImmediateRetries_ReactionComesAfterARedelivery()
    {
        var commentId = _kelos.AddComment("/kelos run fix the typo");
        // The first attempt and its three immediate retries fail; the redelivered message's first attempt succeeds.
        _kelos.GitHub.FailNextCalls(4, 502, ReactionsPath(commentId));

        Assert.Equal(202, await _kelos.DeliverCommentAsync(Guid.NewGuid().ToString(), commentId, "/kelos run fix the typo"));

        await _kelos.WaitUntilAsync(() => Task.FromResult(_kelos.Eyes(commentId) == 1), "the 👀 after the redelivery");
        Assert.Equal(5, Posts(commentId));
        // Declared when first used: only the first delay was needed.
        Assert.Equal(["kelos-redelivery-1s"], await _broker.QueuesAsync("kelos-redelivery-"));
        Assert.Equal(0u, await _broker.ReadyMessagesAsync("kelos-redelivery-1s"));
        Assert.Null(await _broker.ReadyMessagesAsync(ErrorQueue));
    }

    [Fact]
    public async Task GitHubKeepsFailing_EveryRedeliveryUsed_ThenTheErrorQueueWithTheException()
    {
        var commentId = _kelos.AddComment("/kelos run fix the typo");
        _kelos.GitHub.FailNextCalls(1000, 502, ReactionsPath(commentId));

        Assert.Equal(202, await _kelos.DeliverCommentAsync(Guid.NewGuid().ToString(), commentId, "/kelos run fix the typo"));

        await _kelos.WaitUntilAsync(async () => await _broker.ReadyMessagesAsync(ErrorQueue) == 1, $"the message in {ErrorQueue}");
        // Three rounds (the delivery and its two redeliveries) of four attempts each.
        Assert.Equal(12, Posts(commentId));
        Assert.Equal(["kelos-redelivery-1s", "kelos-redelivery-2s"], await _broker.QueuesAsync("kelos-redelivery-"));
        Assert.Equal(0, _kelos.Eyes(commentId));
        var failed = await _broker.TakeAsync(ErrorQueue);
        Assert.NotNull(failed);
        var headers = failed.BasicProperties.Headers!;
        Assert.Equal("Octokit.ApiException", Text(headers["MT-Fault-ExceptionType"]));
        Assert.Equal("2", Text(headers["MT-Redelivery-Count"]));
        Assert.Contains("Kelos.Contracts:AcknowledgeRequest", Encoding.UTF8.GetString(failed.Body.Span), StringComparison.Ordinal);
        // The Task does not depend on the 👀: the event's own consumer went on.
        Assert.Single(await _kelos.TasksAsync());
    }

    /// <summary>The tries of the 👀 (the reporter's later 😕 for the failed Task is another reaction on the comment).</summary>
    private int Posts(long commentId) =>
        _kelos.GitHub.Calls.Count(c => c.Method == "POST" && c.ApiPath == ReactionsPath(commentId) && c.Body.Contains("\"eyes\"", StringComparison.Ordinal));

    private static string Text(object? value) => value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value?.ToString() ?? "";
}
