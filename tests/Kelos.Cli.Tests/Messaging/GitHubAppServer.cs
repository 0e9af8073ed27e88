using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Kelos.Testing;
using Kelos.Testing.GitHub;
using Kelos.Testing.RabbitMq;
using Xunit.Abstractions;

namespace Kelos.Cli.Tests.Messaging;

/// <summary>
/// <c>kelos serve</c> as a GitHub App, on a real RabbitMQ broker (<c>KELOS_RABBITMQ_URL</c>) or on the in-memory bus,
/// with GitHub played by the stand-in (its API) and by <see cref="GitHubHook"/> (its deliveries): the shipped spawners applied, alice a writer
/// on acme/widgets, an issue to comment on. The test holds the state directory's controller lease, so the Tasks that
/// deliveries create are stored but never run: what these tests follow is the way in, from a delivery to its Task.
/// </summary>
public sealed class GitHubAppServer : IAsyncDisposable
{
    public const string Repository = "acme/widgets";
    public const string Secret = "broker-tests-webhook-secret";
    private readonly ITestOutputHelper _output;
    private readonly Dictionary<string, string?> _environment;
    private readonly string[] _serveArguments;
    private readonly FileStream _controllerLease;
    private Process? _serve;

    private GitHubAppServer(ITestOutputHelper output, KelosCli kelos, GitHubStandIn github, StandInInstallation installation, int issue, Uri baseUrl,
        Dictionary<string, string?> environment, string[] serveArguments, FileStream controllerLease)
    {
        _output = output;
        Kelos = kelos;
        GitHub = github;
        Installation = installation;
        Issue = issue;
        BaseUrl = baseUrl;
        _environment = environment;
        _serveArguments = serveArguments;
        _controllerLease = controllerLease;
        Hook = new GitHubHook(github, new Uri(baseUrl, "api/github/webhooks"), Secret);
        Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public KelosCli Kelos { get; }

    public GitHubStandIn GitHub { get; }

    public GitHubHook Hook { get; }

    public StandInInstallation Installation { get; }

    /// <summary>The issue the commands are written on.</summary>
    public int Issue { get; }

    /// <summary><c>http://127.0.0.1:PORT/</c>: the webhook, <c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c>.</summary>
    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    /// <summary>The environment <c>kelos serve</c> and <c>kelos github-app</c> get: the App, the webhook secret, the broker.</summary>
    public IReadOnlyDictionary<string, string?> Environment => _environment;

    /// <summary>Starts the stand-in and <c>kelos serve</c> on <paramref name="broker"/> (null: in memory), and waits until it is ready.</summary>
    /// <param name="extraEnvironment">More variables for <c>kelos serve</c>, e.g. <c>KELOS_BUS_REDELIVERY</c>.</param>
    public static async Task<GitHubAppServer> StartAsync(RabbitMqBroker? broker, ITestOutputHelper output, IReadOnlyDictionary<string, string?>? extraEnvironment = null)
    {
        var kelos = new KelosCli();
        var github = await GitHubStandIn.StartAsync();
        var installation = github.AddInstallation("acme", "widgets");
        github.SetCollaborator(Repository, "alice", "write");
        var issue = github.AddIssue(Repository, "The README has a typo", "alice", "It says 'teh'.");
        var configDir = Path.Combine(kelos.Root, "config");
        Directory.CreateDirectory(configDir);
        foreach (var spawner in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Find(), "deploy", "spawners"), "*.yaml"))
        {
            File.Copy(spawner, Path.Combine(configDir, Path.GetFileName(spawner)));
        }

        var port = FreePort();
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["KELOS_WEBHOOK_SECRET"] = Secret,
            ["KELOS_GITHUB_APP_ID"] = github.AppId.ToString(CultureInfo.InvariantCulture),
            ["KELOS_GITHUB_PRIVATE_KEY_FILE"] = kelos.Write("app.pem", github.PrivateKeyPem),
            ["KELOS_GITHUB_API_URL"] = github.BaseUrl.ToString(),
            ["KELOS_GITHUB_APP_SLUG"] = github.AppSlug,
            ["KELOS_RABBITMQ_URL"] = broker?.Url.ToString(),

            // One try per call to GitHub: these tests are about what the bus does when a consumer fails.
            ["KELOS_GITHUB_MAX_ATTEMPTS"] = "1",
        };
        foreach (var (name, value) in extraEnvironment ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        Directory.CreateDirectory(kelos.StateDir);
        var lease = new FileStream(Path.Combine(kelos.StateDir, "controller.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var fixture = new GitHubAppServer(output, kelos, github, installation, issue, new Uri($"http://127.0.0.1:{port}/"),
            environment, ["--urls", $"http://127.0.0.1:{port}", "--config-dir", configDir], lease);
        await fixture.StartServeAsync();
        await fixture.WaitUntilAsync(async () => (await fixture.Kelos.RunAsync("get", "taskspawners")).StandardOutput.Contains("label-run", StringComparison.Ordinal),
            "the spawners to be applied");
        return fixture;
    }

    /// <summary>Starts <c>kelos serve</c> (again) and waits until <c>/readyz</c> answers 200: bus connected, endpoints up.</summary>
    public async Task StartServeAsync()
    {
        _serve = await Kelos.StartServeAsync(_environment, _serveArguments);
        await WaitUntilAsync(async () => await StatusAsync("readyz") == HttpStatusCode.OK, "kelos serve to be ready");
    }

    /// <summary>SIGKILL, as a crash or the OOM killer would: nothing is acknowledged, nothing is cleaned up.</summary>
    public async Task KillServeAsync()
    {
        _serve!.Kill(entireProcessTree: true);
        await _serve.WaitForExitAsync();
    }

    /// <summary>SIGTERM and wait: messages in hand are finished or handed back to the broker.</summary>
    public async Task StopServeAsync()
    {
        await CommandRunner.RunAsync("kill", ["-TERM", _serve!.Id.ToString(CultureInfo.InvariantCulture)], Kelos.Root);
        await _serve.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>A comment by alice on the issue, as GitHub holds it (the 👀 goes on it).</summary>
    public long AddComment(string body) => GitHub.AddIssueComment(Repository, Issue, "alice", body);

    /// <summary>Delivers <c>issue_comment</c> <c>created</c> for a comment of alice's; returns the status answered (0: none).</summary>
    public Task<int> DeliverCommentAsync(string deliveryId, long commentId, string body, CancellationToken cancellationToken = default)
    {
        var payload = CommentPayloads.IssueCommentCreated(Installation, Repository, Issue, commentId, body, "alice");
        return Hook.DeliverAsync("issue_comment", deliveryId, payload, cancellationToken);
    }

    /// <summary>Every Task, as <c>kelos get tasks -o json</c> shows them.</summary>
    public async Task<IReadOnlyList<JsonNode>> TasksAsync()
    {
        var listed = await Kelos.RunAsync("get", "tasks", "-o", "json");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        return [.. JsonNode.Parse(listed.StandardOutput)!["items"]!.AsArray().Select(n => n!)];
    }

    /// <summary>The delivery each Task names (<c>kelos.dev/delivery-id</c>), one entry per Task.</summary>
    public async Task<IReadOnlyList<string>> TaskDeliveriesAsync() =>
        [.. (await TasksAsync()).Select(t => t["metadata"]!["annotations"]?["kelos.dev/delivery-id"]?.GetValue<string>() ?? "(none)")];

    /// <summary>The 👀 reactions on a comment.</summary>
    public int Eyes(long commentId) =>
        GitHub.Reactions(Repository, StandInReactionTarget.IssueComment, commentId).Count(r => r.Content == "eyes");

    public async Task<HttpStatusCode?> StatusAsync(string path)
    {
        try
        {
            using var response = await Http.GetAsync(path);
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Polls <paramref name="condition"/> every 100 ms; fails with what <c>kelos serve</c> said last.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? patience = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < (patience ?? TimeSpan.FromSeconds(60)))
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"timed out after {clock.Elapsed.TotalSeconds:0} s waiting for {what}; kelos serve said:\n{ServerLog(60)}");
    }

    /// <summary>The last lines <c>kelos serve</c> printed.</summary>
    public string ServerLog(int lines)
    {
        lock (Kelos.ServerOutput)
        {
            return string.Join('\n', Kelos.ServerOutput.TakeLast(lines));
        }
    }

    /// <summary>The lines <c>kelos serve</c> printed that contain <paramref name="text"/>.</summary>
    public IReadOnlyList<string> ServerLines(string text)
    {
        lock (Kelos.ServerOutput)
        {
            return [.. Kelos.ServerOutput.Where(l => l.Contains(text, StringComparison.Ordinal))];
        }
    }

    public async ValueTask DisposeAsync()
    {
        _output.WriteLine("kelos serve said (last 30 lines):\n" + ServerLog(30));
        Http.Dispose();
        Hook.Dispose();
        Kelos.Dispose();
        await _controllerLease.DisposeAsync();
        await GitHub.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
