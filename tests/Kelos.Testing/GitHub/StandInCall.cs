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

    /// <summary>When the call arrived, by the stand-in's clock.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>
    /// Where the call's arrival falls on one counter the stand-in bumps as each call arrives and as each is answered:
    /// two calls overlapped on the wire when each <see cref="Started"/> before the other <see cref="Finished"/>.
    /// </summary>
    public long Started { get; init; }

    /// <summary>Where the call's answer falls on the same counter as <see cref="Started"/>.</summary>
    public long Finished { get; init; }

    /// <summary>Whether this call and <paramref name="other"/> were both in progress at some moment.</summary>
    public bool Overlaps(StandInCall other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Started < other.Finished && other.Started < Finished;
    }
}
