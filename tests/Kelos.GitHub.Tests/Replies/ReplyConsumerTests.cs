using Kelos.Contracts;
using Kelos.GitHub.Api;
using Kelos.GitHub.Replies;
using Kelos.Testing.GitHub;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kelos.GitHub.Tests.Replies;

/// <summary>The answer to a request is posted once, even when copies of the request arrive together.</summary>
public sealed class ReplyConsumerTests : IAsyncLifetime
{
    private const string Repository = "acme/widgets";
    private GitHubStandIn _github = null!;
    private StandInInstallation _installation = null!;
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;
    private int _issue;

    public async Task InitializeAsync()
    {
        _github = await GitHubStandIn.StartAsync();
        _installation = _github.AddInstallation("acme", "widgets");
        _issue = _github.AddIssue(Repository, "A question", "alice");
        var services = new ServiceCollection().AddLogging();
        services.AddGitHubApp().Configure(o =>
        {
            o.AppId = _github.AppId;
            o.PrivateKeyPem = _github.PrivateKeyPem;
            o.ApiBaseUrl = _github.BaseUrl;
        });
        services.AddMassTransitTestHarness(bus => bus.AddConsumer<ReplyConsumer, ReplyConsumerDefinition>().Endpoint(e => e.ConcurrentMessageLimit = 8));
        _provider = services.BuildServiceProvider(validateScopes: true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        await _github.DisposeAsync();
    }

    [Fact]
    public async Task TwoCopiesAtOnce_OneAnswerPosted()
    {
        var request = new ReplyRequest(_installation.Id, "acme", "widgets", _issue, "issue_comment-1-created-0", "I can't do that.");
        // Hold the first look for an earlier answer: a second copy handled alongside would look too, see none, and post.
        using var hold = _github.HoldCalls($"/repos/{Repository}/issues/{_issue}/comments");

        await _harness.Bus.Publish(request);
        await _harness.Bus.Publish(request);
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(500);
        hold.Release();

        var consumed = _harness.GetConsumerHarness<ReplyConsumer>().Consumed;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (consumed.Select<ReplyRequest>().Count() < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "both copies were not consumed");
            await Task.Delay(20);
        }

        Assert.Equal(1, hold.Held);
        var answer = Assert.Single(_github.IssueComments(Repository, _issue));
        Assert.StartsWith("I can't do that.", answer.Body, StringComparison.Ordinal);
    }
}
