using Xunit.Abstractions;

namespace Kelos.Cli.Tests.Messaging;

/// <summary>
/// The in-memory bus (no <c>KELOS_RABBITMQ_URL</c>) treats consumers as RabbitMQ does: a transient fault past the
/// immediate retries is redelivered later, here by the in-memory transport's own delay.
/// </summary>
public sealed class InMemoryRedeliveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private GitHubAppServer _kelos = null!;

    public async Task InitializeAsync() =>
        _kelos = await GitHubAppServer.StartAsync(null, output, new Dictionary<string, string?> { ["KELOS_BUS_REDELIVERY"] = "1s" });

    public async Task DisposeAsync() => await _kelos.DisposeAsync();

    [Fact]
    public async Task GitHubFailsPastTheImmediateRetries_ReactionComesAfterARedelivery()
    {
        var commentId = _kelos.AddComment("/kelos run fix the typo");
        var reactions = $"/repos/{GitHubAppServer.Repository}/issues/comments/{commentId}/reactions";
        _kelos.GitHub.FailNextCalls(4, 502, reactions);

        Assert.Equal(202, await _kelos.DeliverCommentAsync(Guid.NewGuid().ToString(), commentId, "/kelos run fix the typo"));

        await _kelos.WaitUntilAsync(() => Task.FromResult(_kelos.Eyes(commentId) == 1), "the 👀 after the redelivery");
        // Five tries of the 👀 (four failed, one taken); the reporter's later 😕 for the failed Task is another reaction.
        Assert.Equal(5, _kelos.GitHub.Calls.Count(c => c.Method == "POST" && c.ApiPath == reactions && c.Body.Contains("\"eyes\"", StringComparison.Ordinal)));
    }
}
