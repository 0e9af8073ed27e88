using System.Text.Json.Nodes;
using k8s.Models;
using Kelos.Core.Runtime;
using Kelos.Runtime.Kubernetes.Runs;
using Kelos.Testing.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;
using static Kelos.Runtime.Kubernetes.Tests.ClusterTasks;

namespace Kelos.Runtime.Kubernetes.Tests;

/// <summary>A Task's pod log as the reporter and <c>kelos logs</c> read it: formatted, secrets masked, init steps when the agent never ran.</summary>
public sealed class KubernetesTaskLogsTests : IAsyncLifetime
{
    private const string Token = "ghs_16C7e42F292c6912E7710c838347Ae178B4a";
    private const string ModelKey = "sk-ant-api03-model-key-value";

    private KubernetesStandIn _cluster = null!;
    private k8s.Kubernetes _client = null!;
    private KubernetesTaskLogs _logs = null!;

    public async Task InitializeAsync()
    {
        _cluster = await KubernetesStandIn.StartAsync();
        _client = _cluster.CreateClient();
        _logs = new KubernetesTaskLogs(_client, Ns, TimeProvider.System, NullLogger<KubernetesTaskLogs>.Instance);
        _cluster.Create(Secret("model-key", "ANTHROPIC_API_KEY", ModelKey));
        _cluster.Create(Secret("fix-github-token", "token", Token));
        Create(_cluster, "fix");
    }

    [Fact]
    public async Task TailAsync_AgentPrintedSecrets_FormattedLinesWithSecretsMasked()
    {
        var pod = CreatePod("fix");
        _cluster.SetPodRunning(Ns, pod);
        _cluster.SetPodLog(Ns, pod, "kelos-agent", string.Join('\n',
            """{"type":"system","subtype":"init"}""",
            $$$"""{"type":"assistant","message":{"content":[{"type":"text","text":"Pushing with {{{Token}}}"}]}}""",
            $"plain line with {ModelKey}",
            "---KELOS_OUTPUTS_START---",
            "branch: kelos/fix",
            "---KELOS_OUTPUTS_END---",
            ""));

        var tail = await _logs.TailAsync(new KelosTaskRef("fix", "claude-code"), 10, CancellationToken.None);

        Assert.Equal(["Pushing with ***", "plain line with ***"], tail);
    }

    [Fact]
    public async Task TailAsync_SecretGivenThroughPodOverridesEnv_Masked()
    {
        _cluster.Create(Secret("gateway", "GATEWAY_KEY", "gw-key-0123456789"));
        _cluster.CreateObject(new JsonObject
        {
            ["apiVersion"] = "kelos.dev/v1alpha1",
            ["kind"] = "Task",
            ["metadata"] = new JsonObject { ["name"] = "gw", ["namespace"] = Ns },
            ["spec"] = JsonNode.Parse(
                """
                {"type":"claude-code","prompt":"x","credentials":{"type":"none"},
                 "podOverrides":{"env":[{"name":"GATEWAY_KEY","valueFrom":{"secretKeyRef":{"name":"gateway","key":"GATEWAY_KEY"}}}]}}
                """),
        });
        var pod = CreatePod("gw");
        _cluster.SetPodRunning(Ns, pod);
        _cluster.SetPodLog(Ns, pod, "kelos-agent", "calling the gateway with gw-key-0123456789\n");

        var tail = await _logs.TailAsync(new KelosTaskRef("gw", "claude-code"), 10, CancellationToken.None);

        Assert.Equal(["calling the gateway with ***"], tail);
    }

    [Fact]
    public async Task TailAsync_CloneFailed_InitContainerLinesMasked()
    {
        var pod = CreatePod("fix");
        _cluster.SetPodLog(Ns, pod, "git-clone", $"Cloning into '/workspace/repo'...\nfatal: could not read from https://x-access-token:{Token}@github.com\n");
        _cluster.FailInitContainer(Ns, pod, "git-clone", 128);

        var tail = await _logs.TailAsync(new KelosTaskRef("fix", "claude-code"), 1, CancellationToken.None);

        Assert.Equal(["[git-clone] fatal: could not read from https://x-access-token:***@github.com"], tail);
    }

    [Fact]
    public async Task TailAsync_SecretUnreadable_NoLinesRatherThanUnmasked()
    {
        var pod = CreatePod("fix");
        _cluster.SetPodRunning(Ns, pod);
        _cluster.SetPodLog(Ns, pod, "kelos-agent", $"token {Token}\n");
        _cluster.FailNextCalls(1, 403, pathPrefix: $"/api/v1/namespaces/{Ns}/secrets");

        Assert.Empty(await _logs.TailAsync(new KelosTaskRef("fix", ""), 10, CancellationToken.None));
        await Assert.ThrowsAsync<TaskLogException>(async () =>
        {
            _cluster.FailNextCalls(1, 403, pathPrefix: $"/api/v1/namespaces/{Ns}/secrets");
            await foreach (var _ in _logs.AgentLinesAsync("fix", follow: false, CancellationToken.None))
            {
            }
        });
    }

    [Fact]
    public async Task AgentLinesAsync_Follow_WaitsForTheStartAndStreamsUntilTheAgentEnds()
    {
        var pod = CreatePod("fix");
        var lines = new List<string>();
        var reading = Task.Run(async () =>
        {
            await foreach (var line in _logs.AgentLinesAsync("fix", follow: true, CancellationToken.None))
            {
                lines.Add(line);
            }
        });

        _cluster.SetPodRunning(Ns, pod);
        _cluster.AppendPodLog(Ns, pod, "kelos-agent", $"first {Token}\n");
        await Eventually.True(() => lines.Count == 1, "the first line to arrive");
        _cluster.AppendPodLog(Ns, pod, "kelos-agent", "second\n");
        _cluster.SetPodSucceeded(Ns, pod);
        await reading.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(["first ***", "second"], lines);
    }

    [Fact]
    public async Task AgentLinesAsync_NotStartedWithoutFollow_NothingAndUnknownTaskRefused()
    {
        CreatePod("fix");
        var lines = new List<string>();
        await foreach (var line in _logs.AgentLinesAsync("fix", follow: false, CancellationToken.None))
        {
            lines.Add(line);
        }

        Assert.Empty(lines);
        var missing = await Assert.ThrowsAsync<TaskLogException>(async () =>
        {
            await foreach (var _ in _logs.AgentLinesAsync("nope", follow: false, CancellationToken.None))
            {
            }
        });
        Assert.Equal("task \"nope\" not found", missing.Message);
    }

    private string CreatePod(string task) => _cluster.Create(new V1Pod
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new() { Name = $"{task}-abcde", NamespaceProperty = Ns, Labels = new Dictionary<string, string> { ["kelos.dev/task"] = task } },
        Spec = new()
        {
            RestartPolicy = "Never",
            InitContainers = [new() { Name = "git-clone", Image = "alpine/git" }],
            Containers = [new() { Name = "kelos-agent", Image = "agent" }],
        },
    }).Metadata.Name;

    private static V1Secret Secret(string name, string key, string value) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new() { Name = name, NamespaceProperty = Ns },
        StringData = new Dictionary<string, string> { [key] = value },
    };

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _cluster.DisposeAsync();
    }
}
