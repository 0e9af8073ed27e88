using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Kelos.Testing.Tests.Kubernetes;

/// <summary>Reads the Status object out of a refused call, as a controller would.</summary>
internal static class ApiErrors
{
    public static async Task<(HttpStatusCode Code, V1Status Status)> RefusedAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<HttpOperationException>(call);
        return (error.Response.StatusCode, KubernetesJson.Deserialize<V1Status>(error.Response.Content));
    }
}
