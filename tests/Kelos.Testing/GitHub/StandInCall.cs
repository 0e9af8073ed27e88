namespace Kelos.Testing.GitHub;

/// <summary>One call the GitHub stand-in answered.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The full request path as sent, e.g. <c>/api/v3/repos/acme/widgets/issues/1/comments</c>.</param>
/// <param name="Query">The query string with its leading <c>?</c>, or empty.</param>
/// <param name="Body">The request body as text (empty when there was none).</param>
/// <param name="Auth">The kind of credential presented (whether or not it was accepted).</param>
/// <param name="StatusCode">The status the stand-in answered with.</param>
public sealed record StandInCall(string Method, string Path, string Query, string Body, GitHubAuthKind Auth, int StatusCode)
{
    /// <summary>The path without a leading <c>/api/v3</c>, for assertions that should not care which base was used.</summary>
    public string ApiPath => Path.StartsWith("/api/v3/", StringComparison.Ordinal) ? Path["/api/v3".Length..] : Path;
}
