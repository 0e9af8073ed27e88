using System.Net;
using k8s.Autorest;

namespace Kelos.Runtime.Kubernetes.Api;

/// <summary>What an API server's refusal means for the caller: not there, already there, stale, or worth retrying.</summary>
public static class ApiErrors
{
    public static bool IsNotFound(Exception e) => StatusOf(e) == HttpStatusCode.NotFound;

    /// <summary>409 on a create (<c>AlreadyExists</c>) or on a write with a stale resourceVersion (<c>Conflict</c>).</summary>
    public static bool IsConflict(Exception e) => StatusOf(e) == HttpStatusCode.Conflict;

    /// <summary>5xx, 429, a dropped connection or a timeout: the same call may well work a moment later.</summary>
    public static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        HttpOperationException http => (int)http.Response.StatusCode >= 500 || http.Response.StatusCode == HttpStatusCode.TooManyRequests,
        HttpRequestException => true,
        IOException => true,
        TaskCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static HttpStatusCode? StatusOf(Exception e) => e is HttpOperationException http ? http.Response.StatusCode : null;
}
