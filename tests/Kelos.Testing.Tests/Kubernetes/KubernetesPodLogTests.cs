using System.Net;
using System.Text;
using k8s;
using k8s.Models;
using Kelos.Testing.Kubernetes;
using static Kelos.Testing.Tests.Kubernetes.KubeObjects;

namespace Kelos.Testing.Tests.Kubernetes;

/// <summary>Pod logs through the real client: tail, follow, and the kubelet's refusals.</summary>
public sealed class KubernetesPodLogTests
{
    [Fact]
    public async Task ReadLog_TailLines_GivesTheLastLines()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var pod = await StartedPodAsync(k8s, client);
        k8s.SetPodLog(Namespace, pod, "kelos-agent", "one\ntwo\nthree\nfour\n");

        var all = await ReadAllAsync(await client.CoreV1.ReadNamespacedPodLogAsync(pod, Namespace, container: "kelos-agent"));
        var tail = await ReadAllAsync(await client.CoreV1.ReadNamespacedPodLogAsync(pod, Namespace, container: "kelos-agent", tailLines: 2));

        Assert.Equal("one\ntwo\nthree\nfour\n", all);
        Assert.Equal("three\nfour\n", tail);
    }

    [Fact]
    public async Task ReadLog_Follow_StreamsNewLinesUntilTheContainerEnds()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        var pod = await StartedPodAsync(k8s, client);
        k8s.SetPodLog(Namespace, pod, "kelos-agent", "cloning\n");

        using var patience = new CancellationTokenSource(Watches.Patience);
        await using var stream = await client.CoreV1.ReadNamespacedPodLogAsync(pod, Namespace, container: "kelos-agent", follow: true, cancellationToken: patience.Token);
        using var reader = new StreamReader(stream);
        var first = await reader.ReadLineAsync(patience.Token);
        k8s.AppendPodLog(Namespace, pod, "kelos-agent", "thinking\n");
        var second = await reader.ReadLineAsync(patience.Token);
        k8s.AppendPodLog(Namespace, pod, "kelos-agent", "---KELOS_OUTPUTS_START---\n");
        k8s.SetPodSucceeded(Namespace, pod);
        var rest = await reader.ReadToEndAsync(patience.Token);

        Assert.Equal(("cloning", "thinking"), (first, second));
        Assert.Equal("---KELOS_OUTPUTS_START---\n", rest);
    }

    [Fact]
    public async Task ReadLog_ContainerNotStarted_Answers400WaitingToStart()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        await client.BatchV1.CreateNamespacedJobAsync(Job("task-1"), Namespace);
        var pod = k8s.JobPods(Namespace, "task-1").Single().Metadata.Name;
        k8s.SetPodWaiting(Namespace, pod, "ImagePullBackOff");

        var (code, status) = await ApiErrors.RefusedAsync(() => client.CoreV1.ReadNamespacedPodLogAsync(pod, Namespace, container: "kelos-agent"));

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal($"container \"kelos-agent\" in pod \"{pod}\" is waiting to start: ImagePullBackOff", status.Message);
    }

    [Fact]
    public async Task ReadLog_FailedInitContainer_IsReadableByNameWhileTheAgentNeverStarted()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        await client.BatchV1.CreateNamespacedJobAsync(Job("task-1", withInit: true), Namespace);
        var pod = k8s.JobPods(Namespace, "task-1").Single().Metadata.Name;
        k8s.FailInitContainer(Namespace, pod, "git-clone", exitCode: 128);
        k8s.SetPodLog(Namespace, pod, "git-clone", "fatal: could not read Username for 'https://github.com'\n");

        var log = await ReadAllAsync(await client.CoreV1.ReadNamespacedPodLogAsync(pod, Namespace, container: "git-clone", tailLines: 20));
        var (code, status) = await ApiErrors.RefusedAsync(() => client.CoreV1.ReadNamespacedPodLogAsync(pod, Namespace));

        Assert.Equal("fatal: could not read Username for 'https://github.com'\n", log);
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal($"container \"kelos-agent\" in pod \"{pod}\" is waiting to start: PodInitializing", status.Message);
    }

    [Fact]
    public async Task ReadLog_MissingPod_Answers404()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();

        var (code, status) = await ApiErrors.RefusedAsync(() => client.CoreV1.ReadNamespacedPodLogAsync("nope", Namespace));

        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.Equal("pods \"nope\" not found", status.Message);
    }

    private static async Task<string> StartedPodAsync(KubernetesStandIn k8s, k8s.Kubernetes client)
    {
        await client.BatchV1.CreateNamespacedJobAsync(Job("task-1"), Namespace);
        var pod = k8s.JobPods(Namespace, "task-1").Single().Metadata.Name;
        k8s.SetPodRunning(Namespace, pod);
        return pod;
    }

    private static async Task<string> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync();
        }
    }
}
