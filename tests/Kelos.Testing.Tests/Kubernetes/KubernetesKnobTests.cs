using System.Net;
using k8s;
using k8s.Models;
using Kelos.Testing.Kubernetes;
using static Kelos.Testing.Tests.Kubernetes.KubeObjects;

namespace Kelos.Testing.Tests.Kubernetes;

/// <summary>What tests ask of the stand-in: failures, delays, seeding, and the record of calls.</summary>
public sealed class KubernetesKnobTests
{
    [Fact]
    public async Task FailNextCalls_AnswersTheStatusThenRecovers()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        k8s.FailNextCalls(1, 503, pathPrefix: "/apis/batch/v1/");

        var (code, status) = await ApiErrors.RefusedAsync(() => client.BatchV1.ListNamespacedJobAsync(Namespace));
        await client.CoreV1.ListNamespacedSecretAsync(Namespace);
        var jobs = await client.BatchV1.ListNamespacedJobAsync(Namespace);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, code);
        Assert.Equal("ServiceUnavailable", status.Reason);
        Assert.Empty(jobs.Items);
        Assert.Equal([503, 200, 200], k8s.Calls.Select(c => c.StatusCode));
    }

    [Fact]
    public async Task FailNextCalls_ByMethod_LeavesOtherMethodsAlone()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        await client.CoreV1.CreateNamespacedSecretAsync(Secret("token", "a"), Namespace);
        k8s.FailNextCalls(1, 429, method: "PUT");

        var secret = await client.CoreV1.ReadNamespacedSecretAsync("token", Namespace);
        var error = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => client.CoreV1.ReplaceNamespacedSecretAsync(secret, "token", Namespace));

        Assert.Equal((HttpStatusCode)429, error.Response.StatusCode);
        Assert.Equal("1", error.Response.Headers["Retry-After"].Single());
    }

    [Fact]
    public async Task DelayNextCalls_StillAnswers()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();
        k8s.DelayNextCalls(1, TimeSpan.FromMilliseconds(50));

        var list = await client.CoreV1.ListNamespacedSecretAsync(Namespace);

        Assert.Empty(list.Items);
        Assert.Equal(200, Assert.Single(k8s.Calls).StatusCode);
    }

    [Fact]
    public async Task DelayNextCalls_ClientTimeout_GivesUp()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        var configuration = k8s.ClientConfiguration();
        configuration.HttpClientTimeout = TimeSpan.FromMilliseconds(200);
        using var client = new k8s.Kubernetes(configuration);
        k8s.DelayNextCalls(1, TimeSpan.FromSeconds(30));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CoreV1.ListNamespacedSecretAsync(Namespace));
    }

    [Fact]
    public async Task Calls_RecordMethodPathQueryAndBody()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();

        await client.CoreV1.CreateNamespacedSecretAsync(Secret("token", "ghs_x"), Namespace);
        await client.CoreV1.ListNamespacedSecretAsync(Namespace, labelSelector: "a=b");

        var create = k8s.Calls[0];
        Assert.Equal(("POST", $"/api/v1/namespaces/{Namespace}/secrets", 201), (create.Method, create.Path, create.StatusCode));
        Assert.Contains("\"stringData\"", create.Body, StringComparison.Ordinal);
        Assert.Contains("labelSelector=a%3Db", k8s.Calls[1].Query, StringComparison.Ordinal);
        Assert.False(k8s.Calls[1].IsWatch);
    }

    [Fact]
    public async Task Create_Seeds_ThroughTheSameRules()
    {
        await using var k8s = await KubernetesStandIn.StartAsync();
        using var client = k8s.CreateClient();

        var pod = k8s.Create(new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta { Name = "two", NamespaceProperty = Namespace },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "a", Image = "a" }, new V1Container { Name = "b", Image = "b" }] },
        });
        k8s.SetPodRunning(Namespace, "two");
        var read = await client.CoreV1.ReadNamespacedPodAsync("two", Namespace);
        var (code, status) = await ApiErrors.RefusedAsync(() => client.CoreV1.ReadNamespacedPodLogAsync("two", Namespace));

        Assert.False(string.IsNullOrEmpty(pod.Metadata.Uid));
        Assert.Equal("Pending", pod.Status.Phase);
        Assert.Equal("Running", read.Status.Phase);
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal("a container name must be specified for pod two, choose one of: [a b]", status.Message);
        Assert.Throws<StatusException>(() => k8s.Create(new V1Pod { Metadata = new V1ObjectMeta { Name = "two", NamespaceProperty = Namespace }, Spec = pod.Spec }));
    }
}
