namespace Kelos.GitHub.Api;

/// <summary>
/// How Kelos paces and retries its own calls to GitHub (every Octokit client made by <see cref="GitHubConnectionFactory"/>).
/// GitHub allows at most 80 content-creating requests a minute and asks for writes to be serialized; it answers
/// over-eager callers with 403/429 and may ban an App that keeps going. The defaults follow GitHub's published limits.
/// </summary>
/// <remarks>
/// Rate-limit answers (403/429 with <c>retry-after</c>, with <c>x-ratelimit-remaining: 0</c>, or a secondary limit) are
/// waited out and repeated for every method, since GitHub did not carry the request out. Transient failures (5xx, network
/// errors, timeouts) are retried only for requests safe to repeat: GET, HEAD, PUT, PATCH, DELETE, a reaction, an
/// installation token. A content-creating POST (comment, reply, review, issue, pull request) that failed so is NOT
/// repeated, because GitHub may have created it: the error reaches the caller, which should look for what it posted
/// (by its hidden marker) before posting again.
/// </remarks>
public sealed class GitHubOutboundOptions
{
    /// <summary>
    /// Content-creating requests (new comments, replies, reviews, issues, pull requests) one installation may send in
    /// any one minute. They are also sent one at a time per installation.
    /// </summary>
    public int ContentCreationPerMinute { get; set; } = 80;

    /// <summary>Attempts per request, the first included, before a rate-limit answer or a transient failure surfaces.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first backoff after a transient failure (5xx, network error, timeout); doubled each time, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest single wait. A <c>retry-after</c> or rate-limit reset further away surfaces as the error instead of
    /// holding the caller (a bus consumer) for up to an hour.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long one attempt may take, answer body included (GitHub itself gives up on a request after 10 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
