using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Kelos.Testing;
using Kelos.Testing.GitHub;

namespace Kelos.Cli.Tests;

/// <summary>
/// <c>kelos serve</c> as a GitHub App front end, with GitHub played by the stand-in over HTTP: a signed
/// <c>issue_comment</c> delivery carrying a command leads to 👀, a Task, and for an untrusted author, a refusal.
/// </summary>
public sealed class GitHubAppServeTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string Repository = "acme/widgets";
    private const string Secret = "test-webhook-secret";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly KelosCli _kelos = new();
    private readonly HttpClient _http = new();
    private GitHubStandIn _github = null!;
    private StandInInstallation _installation = null!;
    private Uri _webhook = null!;
    private int _issue;
    private string _remotes = null!;
    private ScriptedModelServer _model = null!;

    public async Task InitializeAsync()
    {
        _github = await GitHubStandIn.StartAsync();
        _installation = _github.AddInstallation("acme", "widgets");
        _github.SetCollaborator(Repository, "alice", "write");
        _github.SetCollaborator(Repository, "bob", "read");
        _issue = _github.AddIssue(Repository, "The README has a typo", "alice", "It says 'teh'.");
        var port = FreePort();
        _webhook = new Uri($"http://127.0.0.1:{port}/api/github/webhooks");
        var keyFile = _kelos.Write("app.pem", _github.PrivateKeyPem);
        var configDir = Path.Combine(_kelos.Root, "config");
        Directory.CreateDirectory(configDir);
        // The shipped spawners, reaching the scripted model the way a team reaches a model gateway.
        _model = await ScriptedModelServer.StartAsync();
        foreach (var spawner in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Find(), "deploy", "spawners"), "*.yaml"))
        {
            File.WriteAllText(Path.Combine(configDir, Path.GetFileName(spawner)), File.ReadAllText(spawner).Replace(
                "    type: claude-code\n",
                $"    type: claude-code\n    podOverrides:\n      activeDeadlineSeconds: 300\n      env:\n        - {{ name: ANTHROPIC_BASE_URL, value: \"{_model.BaseUrl.ToString().TrimEnd('/')}\" }}\n        - {{ name: CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC, value: \"1\" }}\n",
                StringComparison.Ordinal));
        }

        File.WriteAllText(Path.Combine(configDir, "anthropic-api-key.yaml"), """
            apiVersion: v1
            kind: Secret
            metadata: { name: anthropic-api-key }
            stringData: { ANTHROPIC_API_KEY: sk-ant-test-key }
            """);

        // A custom verb whose agent is a script: the whole path runs offline, from the comment to the push.
        var agent = _kelos.Script("agents/shipit.sh", """
            echo "token is ${#GITHUB_TOKEN} characters"
            echo shipped > SHIPPED.md && git add SHIPPED.md && git commit -qm "Ship it"
            """);
        File.WriteAllText(Path.Combine(configDir, "shipit.yaml"), $$$"""
            apiVersion: kelos.dev/v1alpha1
            kind: TaskSpawner
            metadata: { name: shipit }
            spec:
              when:
                githubWebhook:
                  events: [issue_comment]
                  filters:
                    - { event: issue_comment, action: created, bodyPattern: "^/kelos shipit\\b" }
              taskTemplate:
                type: claude-code
                image: {{{agent}}}
                credentials: { type: none }
                branch: "kelos/shipit-{{ issue.number }}"
                promptTemplate: "{{ command.text }}"
            """);
        _remotes = Path.Combine(_kelos.Root, "remotes");
        using (var seed = await BareRemote.CreateAsync())
        {
            Directory.CreateDirectory(Path.Combine(_remotes, "acme"));
            await seed.GitAsync(["clone", "-q", "--bare", seed.Path, Path.Combine(_remotes, "acme", "widgets.git")]);
        }

        await _kelos.StartServeAsync(
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["KELOS_WEBHOOK_SECRET"] = Secret,
                ["KELOS_GITHUB_APP_ID"] = _github.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["KELOS_GITHUB_PRIVATE_KEY_FILE"] = keyFile,
                ["KELOS_GITHUB_API_URL"] = _github.BaseUrl.ToString(),
                ["KELOS_GITHUB_APP_SLUG"] = _github.AppSlug,
                ["KELOS_GITHUB_CLONE_URL"] = Path.Combine(_remotes, "{owner}", "{repo}.git"),
                ["PATH"] = $"{AgentClis.BinDirectory}:{Environment.GetEnvironmentVariable("PATH")}",
            },
            "--urls", $"http://127.0.0.1:{port}", "--config-dir", configDir);
        await WaitUntilAsync(async () => (await TryGetAsync(new Uri(_webhook, "/healthz"))) == HttpStatusCode.OK, "the webhook endpoint to answer");
        await WaitUntilAsync(async () => (await _kelos.RunAsync("get", "taskspawners")).StandardOutput.Contains("label-run", StringComparison.Ordinal), "the spawners to be applied");
    }

    [Fact]
    public async Task CommandFromWriter_EyesTaskAndRedeliveryChangesNothing()
    {
        var commentId = _github.AddIssueComment(Repository, _issue, "alice", "/kelos run fix the typo");
        var delivery = Guid.NewGuid().ToString();

        var first = await DeliverAsync(delivery, "alice", commentId, "/kelos run fix the typo");

        Assert.Equal(HttpStatusCode.Accepted, first);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await WaitUntilAsync(() => Task.FromResult(Eyes(commentId) == 1), "👀 on the comment");
        output.WriteLine($"👀 seen {clock.ElapsedMilliseconds} ms after the 202 (polled every 10 ms)");
        var task = await WaitForTaskAsync();
        Assert.StartsWith("run-issue-comment-", task["metadata"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("fix the typo", task["spec"]!["prompt"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("alice", task["metadata"]!["annotations"]!["kelos.dev/requested-by"]!.GetValue<string>());

        var again = await DeliverAsync(delivery, "alice", commentId, "/kelos run fix the typo");
        await Task.Delay(1000);

        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Single(Tasks());
        Assert.Equal(1, Eyes(commentId));
    }

    [Fact]
    public async Task CustomCommand_AgentRunsInTheRepositoryWithANarrowedTokenAndTheBranchIsPushed()
    {
        var commentId = _github.AddIssueComment(Repository, _issue, "alice", "/kelos shipit now");

        await DeliverAsync(Guid.NewGuid().ToString(), "alice", commentId, "/kelos shipit now");

        var task = await WaitForTaskAsync();
        var name = task["metadata"]!["name"]!.GetValue<string>();
        var done = await _kelos.WaitForPhaseAsync(name, Patience, "Succeeded", "Failed");
        Assert.True(done["status"]!["phase"]!.GetValue<string>() == "Succeeded", done.ToJsonString());
        Assert.Matches("^github-acme-widgets-[0-9a-f]{10}$", done["spec"]!["workspaceRef"]!["name"]!.GetValue<string>());
        var remote = Path.Combine(_remotes, "acme", "widgets.git");
        var pushed = await CommandRunner.RunAsync("git", ["log", "-1", "--format=%s", "kelos/shipit-" + _issue], remote);
        Assert.Equal("Ship it", pushed.StandardOutput.Trim());
        var token = Assert.Single(_github.IssuedTokens, t => t.Repositories is not null);
        Assert.Equal(["widgets"], token.Repositories);
        Assert.Equal("write", token.Permissions["contents"]);
        var log = await _kelos.RunAsync("logs", name, "--raw");
        Assert.Contains("token is ", log.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Token, log.StandardOutput + File.ReadAllText(Path.Combine(_kelos.StateDir, "runs", name, "kelos.log")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunCommand_RealClaudeCode_OneTrackingCommentEditedToSucceededLinkingThePullRequest()
    {
        AgentClis.Require("claude");
        var commentId = _github.AddIssueComment(Repository, _issue, "alice", "/kelos run fix the typo");
        var delivery = Guid.NewGuid().ToString();

        await DeliverAsync(delivery, "alice", commentId, "/kelos run fix the typo");
        var name = (await WaitForTaskAsync())["metadata"]!["name"]!.GetValue<string>();
        var done = await _kelos.WaitForPhaseAsync(name, TimeSpan.FromMinutes(4), "Succeeded", "Failed");
        Assert.True(done["status"]!["phase"]!.GetValue<string>() == "Succeeded", done.ToJsonString());
        var body = await WaitForReplyAsync("✅ **Succeeded**");
        var again = await DeliverAsync(delivery, "alice", commentId, "/kelos run fix the typo");
        await Task.Delay(1000);

        var branch = $"kelos/issue-{_issue}-{commentId}";
        var pr = Assert.Single(_github.PullRequests(Repository));
        Assert.Equal((branch, "main", true, "The README has a typo"), (pr.Head, pr.Base, pr.Draft, pr.Title));
        Assert.Equal(["alice"], pr.RequestedReviewers);
        Assert.Contains($"pull request [#{pr.Number}]", body, StringComparison.Ordinal);
        Assert.Contains($"[`{branch}`]", body, StringComparison.Ordinal);
        Assert.Contains(ScenarioDefaults.CommitAnswer, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again);
        var tracking = Assert.Single(_github.IssueComments(Repository, _issue), c => c.Author == _github.BotLogin);
        Assert.Contains($"<!-- kelos:task:{name} -->", tracking.Body, StringComparison.Ordinal);
        // Posted once, at its first report, then edited in place until it said Succeeded.
        var posted = Assert.Single(_github.Calls, c => c.Method == "POST" && c.ApiPath == $"/repos/{Repository}/issues/{_issue}/comments");
        Assert.Matches("(Accepted|Queued|Running)", posted.Body);
        Assert.Contains(_github.Calls, c => c.Method == "PATCH" && c.ApiPath == $"/repos/{Repository}/issues/comments/{tracking.Id}");
        Assert.Equal(ScenarioDefaults.CommitSubject, (await CommandRunner.RunAsync("git", ["log", "-1", "--format=%s", branch], Path.Combine(_remotes, "acme", "widgets.git"))).StandardOutput.Trim());
        Assert.Equal(["eyes", "rocket"], _github.Reactions(Repository, StandInReactionTarget.IssueComment, commentId).Select(r => r.Content));
    }

    [Fact]
    public async Task RunCommand_ModelRefusesTheKey_FailedCommentSaysWhy()
    {
        AgentClis.Require("claude");
        var text = $"/kelos run fix it [[scenario:{ScenarioNames.Http401}]]";
        var commentId = _github.AddIssueComment(Repository, _issue, "alice", text);

        await DeliverAsync(Guid.NewGuid().ToString(), "alice", commentId, text);
        var name = (await WaitForTaskAsync())["metadata"]!["name"]!.GetValue<string>();
        var done = await _kelos.WaitForPhaseAsync(name, TimeSpan.FromMinutes(4), "Succeeded", "Failed");
        var body = await WaitForReplyAsync("❌ **Failed**");

        Assert.Equal("Failed", done["status"]!["phase"]!.GetValue<string>());
        var reason = done["status"]!["message"]!.GetValue<string>().Trim().TrimEnd('.');
        Assert.Contains(reason, body, StringComparison.Ordinal);
        Assert.Contains("`/kelos retry`", body, StringComparison.Ordinal);
        Assert.Empty(_github.PullRequests(Repository));
        Assert.Equal(["eyes", "confused"], _github.Reactions(Repository, StandInReactionTarget.IssueComment, commentId).Select(r => r.Content));
    }

    [Fact]
    public async Task PlanCommand_PlanCommentHoldsTheModelsText_NothingPushed()
    {
        AgentClis.Require("claude");
        var text = $"/kelos plan [[scenario:{ScenarioNames.Answer}]]";
        var commentId = _github.AddIssueComment(Repository, _issue, "alice", text);

        await DeliverAsync(Guid.NewGuid().ToString(), "alice", commentId, text);
        var plan = await WaitForReplyAsync("📋 **Plan**");
        await WaitForReplyAsync("✅ **Succeeded**");

        Assert.Contains(ScenarioDefaults.Answer, plan, StringComparison.Ordinal);
        Assert.Contains("`/kelos run`", plan, StringComparison.Ordinal);
        Assert.Empty(_github.PullRequests(Repository));
        var branches = await CommandRunner.RunAsync("git", ["branch", "--list", "kelos/*"], Path.Combine(_remotes, "acme", "widgets.git"));
        Assert.Equal("", branches.StandardOutput.Trim());
    }

    [Fact]
    public async Task CommandFromReader_RefusedSayingWhyAndNoTask()
    {
        var commentId = _github.AddIssueComment(Repository, _issue, "bob", "/kelos run delete everything");

        var status = await DeliverAsync(Guid.NewGuid().ToString(), "bob", commentId, "/kelos run delete everything");

        Assert.Equal(HttpStatusCode.Accepted, status);
        var refusal = await WaitForReplyAsync("can't do");
        Assert.Contains("@bob has read access on acme/widgets; this needs write access", refusal, StringComparison.Ordinal);
        Assert.Empty(Tasks());
    }

    [Fact]
    public async Task UnknownVerb_AnsweredWithHelp()
    {
        var commentId = _github.AddIssueComment(Repository, _issue, "alice", "/kelos frobnicate now");

        await DeliverAsync(Guid.NewGuid().ToString(), "alice", commentId, "/kelos frobnicate now");

        var help = await WaitForReplyAsync("I don't know the command");
        Assert.Contains("`/kelos frobnicate`", help, StringComparison.Ordinal);
        Assert.Contains("| `/kelos plan <text>` |", help, StringComparison.Ordinal);
        Assert.Contains("| `/kelos cancel` |", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallationCreated_RecordedWithItsRepositories()
    {
        var payload = JsonNode.Parse(await File.ReadAllTextAsync(CommentPayloads.Fixture("installation", "created.payload.json")))!;
        payload["installation"]!["id"] = _installation.Id;

        var status = await PostAsync("installation", Guid.NewGuid().ToString(), payload);

        Assert.Equal(HttpStatusCode.Accepted, status);
        await WaitUntilAsync(async () => (await _kelos.RunAsync("get", "installations")).StandardOutput.Contains("widgets", StringComparison.Ordinal), "the installation to be recorded");
        Assert.Matches(@"acme\s+Organization\s+widgets\s+Active", (await _kelos.RunAsync("get", "installations")).StandardOutput);
    }

    [Fact]
    public async Task WrongSignature_Unauthorized()
    {
        var status = await DeliverAsync(Guid.NewGuid().ToString(), "alice", 1, "/kelos help", secret: "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private int Eyes(long commentId) =>
        _github.Reactions(Repository, StandInReactionTarget.IssueComment, commentId).Count(r => r.Content == "eyes");

    private List<JsonNode> Tasks()
    {
        var json = _kelos.RunAsync("get", "tasks", "-o", "json").GetAwaiter().GetResult().StandardOutput;
        return [.. JsonNode.Parse(json)!["items"]!.AsArray().Select(n => n!)];
    }

    private async Task<JsonNode> WaitForTaskAsync()
    {
        await WaitUntilAsync(() => Task.FromResult(Tasks().Count > 0), "a Task");
        return Tasks()[0];
    }

    private async Task<string> WaitForReplyAsync(string text)
    {
        string? found = null;
        await WaitUntilAsync(() =>
        {
            found = _github.IssueComments(Repository, _issue).FirstOrDefault(c => c.Body.Contains(text, StringComparison.Ordinal))?.Body;
            return Task.FromResult(found is not null);
        }, $"a reply containing \"{text}\"");
        return found!;
    }

    private async Task<HttpStatusCode> DeliverAsync(string delivery, string sender, long commentId, string body, string secret = Secret)
    {
        var payload = CommentPayloads.IssueCommentCreated(_installation, Repository, _issue, commentId, body, sender);
        return await PostAsync("issue_comment", delivery, payload, secret);
    }

    private async Task<HttpStatusCode> PostAsync(string eventName, string delivery, JsonNode payload, string secret = Secret)
    {
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, _webhook) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", delivery);
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), bytes)));
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<HttpStatusCode?> TryGetAsync(Uri url)
    {
        try
        {
            using var response = await _http.GetAsync(url);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(10);
        }

        string log;
        lock (_kelos.ServerOutput)
        {
            log = string.Join('\n', _kelos.ServerOutput.TakeLast(40));
        }

        var replies = string.Join("\n---\n", _github.IssueComments(Repository, _issue).Select(c => $"@{c.Author}: {c.Body}"));
        Assert.Fail($"timed out waiting for {what}; kelos serve said:\n{log}\nthe issue's comments:\n{replies}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        await _github.DisposeAsync();
        await _model.DisposeAsync();
    }

    public void Dispose()
    {
        _kelos.Dispose();
        _http.Dispose();
    }
}
