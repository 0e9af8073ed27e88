using Kelos.Contracts;
using Kelos.Core.Installations;
using Kelos.GitHub.Api;
using Kelos.GitHub.Installations;
using Kelos.Testing.GitHub;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kelos.GitHub.Tests.Installations;

/// <summary>
/// <see cref="InstallationEventConsumer"/> on the MassTransit test harness, reading installations from the GitHub
/// stand-in as production does (App JWT, installation token), recording into an in-memory store.
/// </summary>
public sealed class InstallationEventConsumerTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private readonly InMemoryInstallationStore _store = new();
    private GitHubStandIn _github = null!;
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;
    private StandInInstallation _installation = null!;

    public async Task InitializeAsync()
    {
        _github = await GitHubStandIn.StartAsync(new GitHubStandInOptions { TimeProvider = _time });
        _installation = _github.AddInstallation("acme", "widgets", "gadgets");
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton<IInstallationStore>(_store)
            .AddSingleton<InstallationLookup>();
        services.AddGitHubApp().Configure(o =>
        {
            o.AppId = _github.AppId;
            o.PrivateKeyPem = _github.PrivateKeyPem;
            o.ApiBaseUrl = _github.BaseUrl;
        });
        services.AddMassTransitTestHarness(bus => bus.AddConsumer<InstallationEventConsumer, InstallationEventConsumerDefinition>());
        _provider = services.BuildServiceProvider(validateScopes: true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    [Fact]
    public async Task Created_RecordsAccountTypeAndRepositories()
    {
        var at = _time.GetUtcNow();

        await ConsumeAsync("installation", "created");

        var record = Assert.Single(_store.List());
        Assert.Equal(_installation.Id, record.Id);
        Assert.Equal("acme", record.Account);
        Assert.Equal("Organization", record.AccountType);
        Assert.Equal(["acme/gadgets", "acme/widgets"], record.Repositories);
        Assert.Equal(InstallationStatus.Active, record.Status);
        Assert.Equal(at, record.CreatedAt);
        Assert.Equal(at, record.UpdatedAt);
    }

    [Fact]
    public async Task Created_OnUser_RecordsUserAccount()
    {
        var mine = _github.AddInstallation("alice", ["dotfiles"], GitHubPermissions.AppDefaults, accountType: "User");

        await ConsumeAsync("installation", "created", mine.Id);

        var record = _store.Find(mine.Id)!;
        Assert.Equal(("alice", "User"), (record.Account, record.AccountType));
        Assert.Equal(["alice/dotfiles"], record.Repositories);
    }

    [Fact]
    public async Task RepositoriesAddedThenRemoved_RecordsEachList()
    {
        await ConsumeAsync("installation", "created");
        var created = _store.Find(_installation.Id)!.CreatedAt;
        _time.Advance(TimeSpan.FromMinutes(5));
        _github.SetInstallationRepositories(_installation.Id, "widgets", "gadgets", "gizmos");

        await ConsumeAsync("installation_repositories", "added");

        var added = _store.Find(_installation.Id)!;
        Assert.Equal(["acme/gadgets", "acme/gizmos", "acme/widgets"], added.Repositories);
        Assert.Equal(created, added.CreatedAt);
        Assert.Equal(_time.GetUtcNow(), added.UpdatedAt);

        _github.SetInstallationRepositories(_installation.Id, "gizmos");
        await ConsumeAsync("installation_repositories", "removed");

        Assert.Equal(["acme/gizmos"], _store.Find(_installation.Id)!.Repositories);
    }

    [Fact]
    public async Task SuspendThenUnsuspend_StatusFollowsAndRepositoriesKept()
    {
        await ConsumeAsync("installation", "created");
        _github.SuspendInstallation(_installation.Id);

        await ConsumeAsync("installation", "suspend");

        var suspended = _store.Find(_installation.Id)!;
        Assert.Equal(InstallationStatus.Suspended, suspended.Status);
        Assert.Equal(["acme/gadgets", "acme/widgets"], suspended.Repositories);

        _github.SuspendInstallation(_installation.Id, suspended: false);
        await ConsumeAsync("installation", "unsuspend");

        Assert.Equal(InstallationStatus.Active, _store.Find(_installation.Id)!.Status);
    }

    [Fact]
    public async Task Deleted_MarkedRemovedAndLateCreatedChangesNothing()
    {
        await ConsumeAsync("installation", "created", deliveryId: "first");
        _github.RemoveInstallation(_installation.Id);
        var callsBefore = _github.Calls.Count;

        await ConsumeAsync("installation", "deleted");

        var removed = _store.Find(_installation.Id)!;
        Assert.Equal(InstallationStatus.Removed, removed.Status);
        Assert.Equal(_time.GetUtcNow(), removed.RemovedAt);
        Assert.Equal(callsBefore, _github.Calls.Count);

        var writes = _store.Writes;
        await ConsumeAsync("installation", "created", deliveryId: "first");

        Assert.Equal(InstallationStatus.Removed, _store.Find(_installation.Id)!.Status);
        Assert.Equal(writes, _store.Writes);
    }

    [Fact]
    public async Task Redelivery_WritesNothing()
    {
        await ConsumeAsync("installation", "created", deliveryId: "same");
        var recorded = _store.Find(_installation.Id)!;
        _time.Advance(TimeSpan.FromMinutes(1));

        await ConsumeAsync("installation", "created", deliveryId: "same");

        Assert.Equal(1, _store.Writes);
        Assert.Equal(recorded, _store.Find(_installation.Id));
    }

    [Fact]
    public async Task DeletedNeverRecorded_RecordsNothing()
    {
        await ConsumeAsync("installation", "deleted");

        Assert.Empty(_store.List());
    }

    [Fact]
    public async Task OtherEvent_IgnoredWithoutCallingGitHub()
    {
        await ConsumeAsync("issue_comment", "created");

        Assert.Empty(_store.List());
        Assert.Empty(_github.Calls);
    }

    [Fact]
    public async Task GitHubFailsOnce_RetriedAndRecorded()
    {
        _github.FailNextCalls(1, 502, "/app/installations");

        // The harness records a message's first attempt only (here the failed one): wait for the retry's write.
        await _harness.Bus.Publish(Event("installation", "created", _installation.Id, "retried"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (_store.List().Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the retry recorded nothing");
            await Task.Delay(20);
        }

        Assert.Contains(_github.Calls, c => c.StatusCode == 502);
    }

    private async Task ConsumeAsync(string name, string action, long? installationId = null, string? deliveryId = null)
    {
        var message = Event(name, action, installationId ?? _installation.Id, deliveryId ?? Guid.NewGuid().ToString());
        var consumer = _harness.GetConsumerHarness<InstallationEventConsumer>();
        var before = consumer.Consumed.Select<GitHubEventReceived>().Count();
        await _harness.Bus.Publish(message);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var attempt = consumer.Consumed.Select<GitHubEventReceived>().Skip(before).FirstOrDefault();
            if (attempt is not null)
            {
                Assert.True(attempt.Exception is null, $"the consumer failed: {attempt.Exception}");
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{name} {action} was not consumed");
            await Task.Delay(20);
        }
    }

    private GitHubEventReceived Event(string name, string action, long installationId, string deliveryId) => new(
        deliveryId, name, action, installationId, null, new GitHubActor("octocat", 1, "User"), null, null, null, null, _time.GetUtcNow());

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        await _github.DisposeAsync();
    }
}
