using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using k8s.Models;
using Kelos.Core.Loading.Yaml;
using Kelos.Cli.Tests.Messaging;
using Kelos.Testing;
using Kelos.Testing.GitHub;
using Kelos.Testing.Kubernetes;
using Kelos.Testing.RabbitMq;

namespace Kelos.Cli.Tests.Cluster;

/// <summary>
/// A cluster install as deploy/ lays it out: three <c>kelos serve</c> processes — webhook, controller, reporter —
/// each with only its role's credentials (the webhook has the webhook secret and no kubeconfig; the controller and
/// reporter have the App and no webhook secret), talking through a real RabbitMQ broker, with Kubernetes and GitHub
/// played by their stand-ins and the shipped TaskSpawners applied to the cluster. A signed <c>/kelos run</c> comment
/// ends, once the Job's pod has printed its outputs, in one tracking comment edited to Succeeded — and every
/// Kubernetes call each process made is allowed by its role's RBAC.
/// </summary>
[Collection(BrokerTests.Name)]
public sealed class SplitRolesTests : IAsyncLifetime, IDisposable
{
    private const string Ns = "kelos";
    private const string Repository = "acme/widgets";
    private const string Secret = "split-roles-webhook-secret";
    private const string ControllerUser = "system:serviceaccount:kelos:kelos-controller";
    private const string ReporterUser = "system:serviceaccount:kelos:kelos-reporter";
    private readonly RoleProcess _webhook = new("webhook");
    private readonly RoleProcess _controller = new("controller");
    private readonly RoleProcess _reporter = new("reporter");
    private readonly string _root = Directory.CreateTempSubdirectory("kelos-split-roles-").FullName;
    private RabbitMqBroker _broker = null!;
    private KubernetesStandIn _cluster = null!;
    private GitHubStandIn _github = null!;
    private GitHubHook _hook = null!;
    private StandInInstallation _installation = null!;
    private int _issue;

    private RoleProcess[] Roles => [_webhook, _controller, _reporter];

    public async Task InitializeAsync()
    {
        _broker = await RabbitMqBroker.ForTestAsync();
        _cluster = await KubernetesStandIn.StartAsync();
        _github = await GitHubStandIn.StartAsync();
        _installation = _github.AddInstallation("acme", "widgets");
        _github.SetCollaborator(Repository, "alice", "write");
        _issue = _github.AddIssue(Repository, "The README has a typo", "alice", "It says 'teh'.");
        foreach (var spawner in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Find(), "deploy", "spawners"), "*.yaml").Where(f => !f.EndsWith("kustomization.yaml", StringComparison.Ordinal)))
        {
            foreach (var resource in ManifestYaml.Parse(File.ReadAllText(spawner)))
            {
                resource["metadata"]!["namespace"] = Ns;
                _cluster.CreateObject(resource);
            }
        }

        var key = Path.Combine(_root, "private-key.pem");
        await File.WriteAllTextAsync(key, _github.PrivateKeyPem);
        var app = new Dictionary<string, string?>
        {
            ["KELOS_GITHUB_APP_ID"] = _github.AppId.ToString(CultureInfo.InvariantCulture),
            ["KELOS_GITHUB_PRIVATE_KEY_FILE"] = key,
            ["KELOS_GITHUB_API_URL"] = _github.BaseUrl.ToString(),
            ["KELOS_GITHUB_APP_SLUG"] = _github.AppSlug,
            ["KELOS_RABBITMQ_URL"] = _broker.Url.ToString(),
            ["KELOS_NAMESPACE"] = Ns,
        };
        // The reporter first: its queue must exist before the controller publishes the first lifecycle event.
        await _reporter.StartAsync(app, "--kubeconfig", _cluster.WriteKubeconfig(Path.Combine(_root, "reporter.kubeconfig"), ReporterUser, Ns));
        await _controller.StartAsync(app, "--kubeconfig", _cluster.WriteKubeconfig(Path.Combine(_root, "controller.kubeconfig"), ControllerUser, Ns));
        await _webhook.StartAsync(new Dictionary<string, string?>
        {
            ["KELOS_WEBHOOK_SECRET"] = Secret,
            ["KELOS_GITHUB_APP_SLUG"] = _github.AppSlug,
            ["KELOS_RABBITMQ_URL"] = _broker.Url.ToString(),
        });
        _hook = new GitHubHook(_github, new Uri(_webhook.BaseUrl, "api/github/webhooks"), Secret);
    }

    public async Task DisposeAsync()
    {
        Dispose();
        await _cluster.DisposeAsync();
        await _github.DisposeAsync();
        await _broker.DisposeAsync();
    }

    public void Dispose()
    {
        foreach (var role in Roles)
        {
            role.Dispose();
        }

        _hook?.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task RunCommand_WebhookControllerReporterApart_OneTrackingCommentEditedToSucceeded()
    {
        var commentId = _github.AddIssueComment(Repository, _issue, "alice", "/kelos run fix the typo");

        Assert.Equal(202, await _hook.DeliverAsync("issue_comment", Guid.NewGuid().ToString(), CommentPayload(commentId, "/kelos run fix the typo")));

        await Eventually.True(() => Reactions(commentId).Contains("eyes"), "👀 on the comment (the controller's answer)", Roles);
        var task = await Eventually.Get(() => _cluster.ListObjects("kelos.dev/v1alpha1", "tasks", Ns) is { Count: > 0 } tasks ? tasks[0] : null, "a Task in the cluster", Roles);
        var name = (string)task["metadata"]!["name"]!;
        var branch = (string)task["spec"]!["branch"]!;
        var pod = await Eventually.Get(() => _cluster.Get<V1Job>(Ns, name) is not null && _cluster.JobPods(Ns, name) is { Count: > 0 } pods ? pods[0].Metadata.Name : null, "the Task's Job and pod", Roles);
        _cluster.SetPodRunning(Ns, pod);
        await Eventually.True(() => TrackingComment(name)?.Contains("Running", StringComparison.Ordinal) == true, "the tracking comment to say Running", Roles);
        _cluster.SetPodLog(Ns, pod, "kelos-agent", $"working\n---KELOS_OUTPUTS_START---\nbranch: {branch}\nbase-branch: main\ncommit: 0123abcd4567\ninput-tokens: 900\noutput-tokens: 120\n"
            + $"response: {Convert.ToBase64String("Fixed the typo in the README."u8.ToArray())}\n---KELOS_OUTPUTS_END---\n");
        _cluster.SetPodSucceeded(Ns, pod);
        var body = await Eventually.Get(() => TrackingComment(name) is { } b && b.Contains("✅ **Succeeded**", StringComparison.Ordinal) ? b : null, "the tracking comment to say Succeeded", Roles);

        Assert.Contains("Fixed the typo in the README.", body, StringComparison.Ordinal);
        var pr = Assert.Single(_github.PullRequests(Repository));
        Assert.Equal(branch, pr.Head);
        Assert.Contains($"#{pr.Number}", body, StringComparison.Ordinal);
        Assert.Single(_github.IssueComments(Repository, _issue), c => c.Author == _github.BotLogin && c.Body.Contains($"kelos:task:{name}", StringComparison.Ordinal));
        await Eventually.True(() => Reactions(commentId).SequenceEqual(["eyes", "rocket"]), $"👀 and 🚀 on the request (now: {string.Join(", ", Reactions(commentId))})", Roles);
        // The per-Task token: minted by the controller for this one repository, kept in the Task's own Secret.
        var token = Assert.Single(_github.IssuedTokens, t => t.Repositories is not null);
        Assert.Equal(["widgets"], token.Repositories);
        Assert.NotNull(_cluster.Get<V1Secret>(Ns, $"{name}-github-token"));
        AssertWithinRbac(ControllerUser, "controller.yaml", "kelos-controller", "kelos-controller-leader-election");
        AssertWithinRbac(ReporterUser, "reporter.yaml", "kelos-reporter");
        Assert.DoesNotContain(_cluster.Calls, c => c.User is not ControllerUser and not ReporterUser);
        foreach (var role in Roles)
        {
            Assert.Equal(HttpStatusCode.OK, await role.StatusAsync("healthz"));
        }
    }

    [Fact]
    public async Task AgentFails_FailedCommentShowsTheLogsLastLinesWithTheTokenMasked()
    {
        var commentId = _github.AddIssueComment(Repository, _issue, "alice", "/kelos run fix the typo");
        Assert.Equal(202, await _hook.DeliverAsync("issue_comment", Guid.NewGuid().ToString(), CommentPayload(commentId, "/kelos run fix the typo")));
        var task = await Eventually.Get(() => _cluster.ListObjects("kelos.dev/v1alpha1", "tasks", Ns) is { Count: > 0 } tasks ? tasks[0] : null, "a Task in the cluster", Roles);
        var name = (string)task["metadata"]!["name"]!;
        var pod = await Eventually.Get(() => _cluster.Get<V1Job>(Ns, name) is not null && _cluster.JobPods(Ns, name) is { Count: > 0 } pods ? pods[0].Metadata.Name : null, "the Task's Job and pod", Roles);
        var token = System.Text.Encoding.UTF8.GetString(_cluster.Get<V1Secret>(Ns, $"{name}-github-token")!.Data["token"]);

        _cluster.SetPodRunning(Ns, pod);
        _cluster.SetPodLog(Ns, pod, "kelos-agent", $"cloning\npushing with {token}\nremote: Permission to acme/widgets.git denied\n");
        _cluster.SetPodFailed(Ns, pod, exitCode: 3);
        var body = await Eventually.Get(() => TrackingComment(name) is { } b && b.Contains("❌ **Failed**", StringComparison.Ordinal) ? b : null, "the tracking comment to say Failed", Roles);

        Assert.Contains("The agent exited with code 3", body, StringComparison.Ordinal);
        Assert.Contains("remote: Permission to acme/widgets.git denied", body, StringComparison.Ordinal);
        Assert.Contains("pushing with", body, StringComparison.Ordinal);
        Assert.DoesNotContain(token, string.Join("\n", _github.IssueComments(Repository, _issue).Select(c => c.Body)), StringComparison.Ordinal);
        // The reaction follows the comment's edit.
        await Eventually.True(() => Reactions(commentId).SequenceEqual(["eyes", "confused"]), $"👀 and 😕 on the request (now: {string.Join(", ", Reactions(commentId))})", Roles);
        AssertWithinRbac(ControllerUser, "controller.yaml", "kelos-controller", "kelos-controller-leader-election");
        AssertWithinRbac(ReporterUser, "reporter.yaml", "kelos-reporter");
    }

    private void AssertWithinRbac(string user, string file, params string[] roles)
    {
        var rbac = RbacRules.FromFiles([Path.Combine(RepositoryRoot.Find(), "deploy", "base", "rbac", file)], roles);
        var calls = _cluster.Calls.Where(c => c.User == user).ToList();
        Assert.NotEmpty(calls);
        var refused = calls.Where(c => !rbac.Allows(c, Ns)).Select(c => RbacRules.Describe(c).ToString()).Distinct().ToList();
        Assert.True(refused.Count == 0, $"calls {user}'s RBAC would refuse: {string.Join("; ", refused)}");
    }

    private List<string> Reactions(long commentId) =>
        [.. _github.Reactions(Repository, StandInReactionTarget.IssueComment, commentId).Select(r => r.Content)];

    private string? TrackingComment(string task) =>
        _github.IssueComments(Repository, _issue).FirstOrDefault(c => c.Author == _github.BotLogin && c.Body.Contains($"kelos:task:{task}", StringComparison.Ordinal))?.Body;

    private JsonNode CommentPayload(long commentId, string body) =>
        CommentPayloads.IssueCommentCreated(_installation, Repository, _issue, commentId, body, "alice");
}
