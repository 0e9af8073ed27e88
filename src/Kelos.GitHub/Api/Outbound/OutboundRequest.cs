using System.Text.RegularExpressions;

namespace Kelos.GitHub.Api.Outbound;

/// <summary>What a request to GitHub is, for pacing and retrying: does it create content, and may it be sent twice?</summary>
internal readonly partial record struct OutboundRequest(bool CreatesContent, bool SafeToRepeat)
{
    /// <summary>
    /// Content-creating: POST of an issue, a pull request, an issue or commit comment, a review comment or reply, a review
    /// (GitHub's secondary limit counts these). Safe to repeat: GET, HEAD, PUT, PATCH, DELETE, and the POSTs that GitHub
    /// answers idempotently (a reaction: 200 with the existing one; an installation access token: just another token).
    /// Any other POST may have taken effect before it failed.
    /// </summary>
    public static OutboundRequest Of(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        if (request.Method == HttpMethod.Post)
        {
            return ContentPath().IsMatch(path)
                ? new OutboundRequest(CreatesContent: true, SafeToRepeat: false)
                : new OutboundRequest(CreatesContent: false, SafeToRepeat: IdempotentPostPath().IsMatch(path));
        }

        var method = request.Method;
        var repeatable = method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
            || method == HttpMethod.Patch || method == HttpMethod.Delete;
        return new OutboundRequest(CreatesContent: false, SafeToRepeat: repeatable);
    }

    // Anchored at the end only: the API root may be "/", "/api/v3/" or any prefix a proxy adds.
    [GeneratedRegex(@"/repos/[^/]+/[^/]+/(?:issues|pulls|issues/\d+/comments|pulls/\d+/(?:comments|reviews)|pulls/\d+/comments/\d+/replies|commits/[^/]+/comments)/?$")]
    private static partial Regex ContentPath();

    [GeneratedRegex(@"(?:/repos/[^/]+/[^/]+/.+/reactions|/app/installations/\d+/access_tokens)/?$")]
    private static partial Regex IdempotentPostPath();
}
