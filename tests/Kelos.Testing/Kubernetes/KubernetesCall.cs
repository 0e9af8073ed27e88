namespace Kelos.Testing.Kubernetes;

/// <summary>One call the Kubernetes stand-in answered.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path, e.g. <c>/apis/batch/v1/namespaces/default/jobs</c>.</param>
/// <param name="Query">The query string with its leading <c>?</c>, or empty.</param>
/// <param name="Body">The request body as text (empty when there was none).</param>
/// <param name="ContentType">The request's Content-Type, e.g. <c>application/merge-patch+json</c>, or empty.</param>
/// <param name="StatusCode">The status the stand-in answered with (for a watch or a followed log: when it started).</param>
/// <param name="User">Who called: the bearer token of the request (a kubeconfig's user token), or empty for none.</param>
public sealed record KubernetesCall(string Method, string Path, string Query, string Body, string ContentType, int StatusCode, string User = "")
{
    /// <summary>Whether the query asked for a watch.</summary>
    public bool IsWatch => Query.Contains("watch=true", StringComparison.Ordinal) || Query.Contains("watch=1", StringComparison.Ordinal);
}
