using System.Text.Json.Nodes;
using k8s.Models;

namespace Kelos.Cli.Tests;

/// <summary><c>get</c>, <c>logs</c>, <c>cancel</c>, <c>apply</c> and <c>delete</c> with <c>--kubeconfig</c>, run as a user runs them, against the API stand-in.</summary>
public sealed class ClusterCommandTests : IAsyncLifetime, IDisposable
{
    private readonly KelosCli _kelos = new();
    private ClusterStandIn _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ClusterStandIn.StartAsync(_kelos);

    [Fact]
    public async Task GetTasks_Kubeconfig_TableOfTheClusterTasks()
    {
        await _cluster.CreateTaskAsync("fix-login", "Running");
        await _cluster.CreateTaskAsync("add-tests");
        await _cluster.CreateTaskAsync("elsewhere", "Running", ns: "other");

        var result = await _kelos.RunAsync("get", "tasks", "--kubeconfig", _cluster.Kubeconfig);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["NAME", "TYPE", "PHASE", "BRANCH", "DEPENDS", "ON", "AGE", "MESSAGE"], result.OutputLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["add-tests", "fix-login"], result.OutputLines.Skip(1).Select(l => l.Split(' ')[0]));
        Assert.Contains("Running", result.OutputLines[2], StringComparison.Ordinal);
        Assert.Contains("fix-login is Running", result.OutputLines[2], StringComparison.Ordinal);

        var other = await _kelos.RunAsync("get", "tasks", "--kubeconfig", _cluster.Kubeconfig, "-n", "other");
        Assert.Equal(["elsewhere"], other.OutputLines.Skip(1).Select(l => l.Split(' ')[0]));
    }

    [Fact]
    public async Task GetTask_Json_TheResourceWithItsStatus()
    {
        await _cluster.CreateTaskAsync("fix-login", "Succeeded");

        var result = await _kelos.RunAsync("get", "task", "fix-login", "-o", "json", "--kubeconfig", _cluster.Kubeconfig);

        Assert.True(result.ExitCode == 0, result.ToString());
        var task = JsonNode.Parse(result.StandardOutput)!;
        Assert.Equal("Task", (string?)task["kind"]);
        Assert.Equal("fix-login", (string?)task["metadata"]!["name"]);
        Assert.Equal("work on fix-login", (string?)task["spec"]!["prompt"]);
        Assert.Equal("Succeeded", (string?)task["status"]!["phase"]);

        var missing = await _kelos.RunAsync("get", "task", "nope", "--kubeconfig", _cluster.Kubeconfig);
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("error: task \"nope\" not found", missing.StandardError.Trim());
    }

    [Fact]
    public async Task Logs_Kubeconfig_AgentLogFormattedWithSecretsMasked()
    {
        _cluster.Api.Create(new V1Secret { ApiVersion = "v1", Kind = "Secret", Metadata = new() { Name = "model-key", NamespaceProperty = ClusterStandIn.Ns }, StringData = new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = "sk-ant-very-secret-key" } });
        await _cluster.CreateTaskAsync("fix-login", "Running");
        _cluster.RunPod("fix-login", string.Join('\n',
            """{"type":"assistant","message":{"content":[{"type":"text","text":"Looking at the login form"}]}}""",
            """{"type":"assistant","message":{"content":[{"type":"tool_use","name":"Bash","input":{"command":"echo sk-ant-very-secret-key"}}]}}""",
            ""));

        var result = await _kelos.RunAsync("logs", "fix-login", "--kubeconfig", _cluster.Kubeconfig);
        var raw = await _kelos.RunAsync("logs", "fix-login", "--raw", "--kubeconfig", _cluster.Kubeconfig);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Looking at the login form", result.OutputLines[0]);
        Assert.Contains("echo ***", result.OutputLines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("sk-ant", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(2, raw.OutputLines.Count);
        Assert.StartsWith("{\"type\":\"assistant\"", raw.OutputLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("sk-ant", raw.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogsFollow_Kubeconfig_StreamsUntilThePodEnds()
    {
        await _cluster.CreateTaskAsync("fix-login", "Running");
        var pod = _cluster.RunPod("fix-login", "first line\n");

        var following = _kelos.RunAsync("logs", "fix-login", "-f", "--kubeconfig", _cluster.Kubeconfig);
        await WaitForAsync(() => _cluster.Api.Calls.Any(c => c.Path.EndsWith("/log", StringComparison.Ordinal) && c.Query.Contains("follow=true", StringComparison.Ordinal)));
        _cluster.Api.AppendPodLog(ClusterStandIn.Ns, pod, "kelos-agent", "second line\n");
        _cluster.Api.SetPodSucceeded(ClusterStandIn.Ns, pod);
        var result = await following;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["first line", "second line"], result.OutputLines);
    }

    [Fact]
    public async Task Cancel_Kubeconfig_AnnotationTheControllerWatchesForReachesTheCluster()
    {
        await _cluster.CreateTaskAsync("fix-login", "Running");
        await _cluster.CreateTaskAsync("done", "Succeeded");

        var result = await _kelos.RunAsync("cancel", "fix-login", "--kubeconfig", _cluster.Kubeconfig);
        var again = await _kelos.RunAsync("cancel", "fix-login", "--kubeconfig", _cluster.Kubeconfig);
        var finished = await _kelos.RunAsync("cancel", "done", "--kubeconfig", _cluster.Kubeconfig);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("task/fix-login cancel requested", result.StandardOutput.Trim());
        var annotation = (string?)_cluster.Api.GetObject("kelos.dev/v1alpha1", "tasks", ClusterStandIn.Ns, "fix-login")!["metadata"]!["annotations"]!["kelos.dev/cancel-requested-by"];
        Assert.EndsWith("(kelos cancel)", annotation, StringComparison.Ordinal);
        Assert.Equal("task/fix-login cancel was already requested", again.StandardOutput.Trim());
        Assert.Equal("error: task \"done\" has already finished", finished.StandardError.Trim());
        Assert.Null(_cluster.Api.GetObject("kelos.dev/v1alpha1", "tasks", ClusterStandIn.Ns, "done")!["metadata"]!["annotations"]);
    }

    [Fact]
    public async Task ApplyAndDelete_Kubeconfig_WriteTheCustomResources()
    {
        var file = _kelos.Write("task.yaml", """
            apiVersion: kelos.dev/v1alpha1
            kind: Task
            metadata:
              name: from-file
            spec:
              type: codex
              prompt: Tidy the README
              credentials:
                type: api-key
                secretRef:
                  name: codex-key
            """);

        var applied = await _kelos.RunAsync("apply", "-f", file, "--kubeconfig", _cluster.Kubeconfig);
        var stored = _cluster.Api.GetObject("kelos.dev/v1alpha1", "tasks", ClusterStandIn.Ns, "from-file");
        var deleted = await _kelos.RunAsync("delete", "task", "from-file", "--kubeconfig", _cluster.Kubeconfig);

        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Equal("task.kelos.dev/from-file created", applied.StandardOutput.Trim());
        Assert.Equal("Tidy the README", (string?)stored!["spec"]!["prompt"]);
        Assert.Equal("task/from-file deleted", deleted.StandardOutput.Trim());
        Assert.Null(_cluster.Api.GetObject("kelos.dev/v1alpha1", "tasks", ClusterStandIn.Ns, "from-file"));
    }

    [Fact]
    public async Task Get_ApiServerRefuses_OneLineNamingServerAndKubeconfigWithoutTheToken()
    {
        _cluster.Api.FailNextCalls(10, 403, pathPrefix: "/apis/kelos.dev");

        var result = await _kelos.RunAsync("get", "tasks", "--kubeconfig", _cluster.Kubeconfig);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.StartsWith($"error: the API server {_cluster.Api.BaseUrl.ToString().TrimEnd('/')} answered 403 Forbidden: ", line, StringComparison.Ordinal);
        Assert.Contains($"(kubeconfig {_cluster.Kubeconfig}, namespace kelos)", line, StringComparison.Ordinal);
        Assert.DoesNotContain(ClusterStandIn.Token, result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_BadKubeconfigOrNamespaceAlone_OneLineErrors()
    {
        var missing = await _kelos.RunAsync("get", "tasks", "--kubeconfig", "/nonexistent/kubeconfig");
        var broken = await _kelos.RunAsync("cancel", "x", "--kubeconfig", _kelos.Write("broken.yaml", "clusters: [unclosed\n"));
        var namespaceAlone = await _kelos.RunAsync("get", "tasks", "-n", "kelos");

        Assert.Equal("error: kubeconfig /nonexistent/kubeconfig: no such file", missing.StandardError.Trim());
        Assert.Equal(1, broken.ExitCode);
        Assert.StartsWith($"error: kubeconfig {Path.Combine(_kelos.Root, "broken.yaml")}: ", Assert.Single(broken.StandardError.Trim().Split('\n')), StringComparison.Ordinal);
        Assert.Equal("error: -n/--namespace works on a cluster: give --kubeconfig PATH too", namespaceAlone.StandardError.Trim());
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the condition did not hold within 30 s");
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    public void Dispose() => _kelos.Dispose();
}
