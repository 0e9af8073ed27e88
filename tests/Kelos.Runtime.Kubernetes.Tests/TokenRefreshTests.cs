using System.Text;
using k8s.Models;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Core.Store;
using Kelos.Runtime.Kubernetes.Runs;
using Kelos.Runtime.Kubernetes.Store;
using Kelos.Runtime.Kubernetes.Tokens;
using Kelos.Testing.GitHub;
using Kelos.Testing.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;
using static Kelos.Runtime.Kubernetes.Tests.ClusterTasks;

namespace Kelos.Runtime.Kubernetes.Tests;

/// <summary>
/// A running Task's GitHub App token is minted again before it expires and written to its Secret, on a clock the test
/// moves: every 45 minutes, retried every minute when minting fails, never after the Task ended.
/// </summary>
public sealed class TokenRefreshTests : IAsyncLifetime
{
    private static readonly TokenRefreshSchedule Schedule = TokenRefreshSchedule.Default;

    private readonly ManualTimeProvider _clock = new() { ManualTimers = true };
    private readonly ScriptedIssuer _issuer = new();
    private KubernetesStandIn _cluster = null!;
    private k8s.Kubernetes _client = null!;
    private IResourceStore _store = null!;
    private KubernetesTaskRuntime _runtime = null!;

    public async Task InitializeAsync()
    {
        _cluster = await KubernetesStandIn.StartAsync();
        _client = _cluster.CreateClient();
        _store = new KubernetesResourceStore(_client, Ns, TimeProvider.System, NullLogger<KubernetesResourceStore>.Instance);
        _runtime = new KubernetesTaskRuntime(_client, Ns, new AgentImages(), _clock, NullLogger<KubernetesTaskRuntime>.Instance, _issuer, Schedule);
        CreateSecret(_cluster, "gh-app", new() { ["appID"] = "12", ["installationID"] = "34", ["privateKey"] = "-----BEGIN RSA PRIVATE KEY-----" });
        CreateSecret(_cluster, "gh-token", new() { ["GITHUB_TOKEN"] = "ghp_personal" });
        CreateWorkspace(_cluster, "app", secretRef: "gh-app");
        CreateWorkspace(_cluster, "copied", secretRef: "gh-token");
    }

    [Fact]
    public async Task Running_IntervalPasses_SecretHoldsANewToken()
    {
        _issuer.Answers.Enqueue("ghs_first");
        _issuer.Answers.Enqueue("ghs_second");
        var (run, stop) = await StartAsync("long", "app");
        Assert.Equal("ghs_first", Token("long"));

        await RefreshTimerPendingAsync();
        _clock.Advance(Schedule.Every);

        await Eventually.True(() => Token("long") == "ghs_second", "the refreshed token in the Secret");
        Assert.Equal(2, _issuer.Calls);
        Assert.Equal(("example", "app"), _issuer.Repositories[1]);
        // The agent's environment still holds the first token: its log is masked by both.
        var pod = await PodOf(_cluster, "long");
        _cluster.SetPodRunning(Ns, pod);
        _cluster.SetPodLog(Ns, pod, "kelos-agent", "env says ghs_first\nfile says ghs_second\n");
        var logs = new KubernetesTaskLogs(_client, Ns, TimeProvider.System, NullLogger<KubernetesTaskLogs>.Instance);
        Assert.Equal(["env says ***", "file says ***"], await logs.TailAsync(new KelosTaskRef("long", "claude-code"), 10, CancellationToken.None));
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task TaskEnded_ClockMovesOn_NoRefresh()
    {
        _issuer.Answers.Enqueue("ghs_first");
        var (run, _) = await StartAsync("short", "app");
        await SucceedAsync(_cluster, "short");
        Assert.Equal(TaskRunOutcome.Succeeded, (await run).Outcome);

        _clock.Advance(TimeSpan.FromHours(3));

        Assert.Null(_clock.NextTimerDue);
        Assert.Equal(1, _issuer.Calls);
        Assert.Equal("ghs_first", Token("short"));
        Assert.DoesNotContain(_cluster.Calls, c => c.Method is "PATCH" or "PUT" && c.Path.Contains("/secrets/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MintFails_OldTokenStaysUntilARetryWorks()
    {
        _issuer.Answers.Enqueue("ghs_first");
        _issuer.Answers.Enqueue(new HttpRequestException("GitHub did not answer"));
        _issuer.Answers.Enqueue("ghs_third");
        var (run, stop) = await StartAsync("flaky", "app");
        await RefreshTimerPendingAsync();

        _clock.Advance(Schedule.Every);
        await Eventually.True(() => _issuer.Calls == 2, "the failing mint");
        await RefreshTimerPendingAsync();

        Assert.Equal("ghs_first", Token("flaky"));
        Assert.Equal(Schedule.RetryAfter, _clock.NextTimerDue - _clock.GetUtcNow());
        _clock.Advance(Schedule.RetryAfter);
        await Eventually.True(() => Token("flaky") == "ghs_third", "the token of the retry in the Secret");
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task CopiedToken_ClockMovesOn_LeftAsItIs()
    {
        var (run, stop) = await StartAsync("personal", "copied");
        Assert.Equal("ghp_personal", Token("personal"));

        _clock.Advance(TimeSpan.FromHours(2));
        await SucceedAsync(_cluster, "personal");
        await run;

        Assert.Equal(0, _issuer.Calls);
        Assert.Equal("ghp_personal", Token("personal"));
        Assert.DoesNotContain(_cluster.Calls, c => c.Method is "PATCH" or "PUT" && c.Path.Contains("/secrets/", StringComparison.Ordinal));
        stop.Dispose();
    }

    private async Task<(Task<TaskRunResult> Run, CancellationTokenSource Stop)> StartAsync(string name, string workspace)
    {
        Create(_cluster, name, workspace: workspace);
        var task = _store.Find<KelosTask>(name)!;
        var stop = new CancellationTokenSource();
        var run = _runtime.RunAsync(new TaskRunRequest(task, task.Spec.Prompt, _store.Find<Workspace>(workspace), null, _store.Find<Secret>), stop.Token);
        await PodOf(_cluster, name);
        return (run, stop);
    }

    /// <summary>Waits until the refresher sleeps on the clock, so moving the clock wakes it.</summary>
    private Task RefreshTimerPendingAsync() => Eventually.True(() => _clock.NextTimerDue is not null, "the refresher to wait on the clock");

    private string? Token(string task) =>
        _cluster.Get<V1Secret>(Ns, task + "-github-token") is { } secret ? Encoding.UTF8.GetString(secret.Data["token"]) : null;

    public async Task DisposeAsync()
    {
        await ((IAsyncDisposable)_store).DisposeAsync();
        _client.Dispose();
        await _cluster.DisposeAsync();
    }

    /// <summary>Answers mint requests from a script: a token, or an exception to throw.</summary>
    private sealed class ScriptedIssuer : IGitHubTokenIssuer
    {
        private int _calls;

        public System.Collections.Concurrent.ConcurrentQueue<object> Answers { get; } = new();

        public System.Collections.Concurrent.ConcurrentQueue<(string, string)> RepositoryQueue { get; } = new();

        public IReadOnlyList<(string, string)> Repositories => [.. RepositoryQueue];

        public int Calls => Volatile.Read(ref _calls);

        public Task<string> IssueAsync(GitHubAppSecret app, string owner, string repository, bool readAccessOnly, CancellationToken cancellationToken)
        {
            RepositoryQueue.Enqueue((owner, repository));
            Interlocked.Increment(ref _calls);
            return Answers.TryDequeue(out var answer) && answer is string token
                ? Task.FromResult(token)
                : Task.FromException<string>(answer as Exception ?? new InvalidOperationException("no token scripted"));
        }
    }
}
