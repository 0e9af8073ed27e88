namespace Kelos.GitHub.Api;

/// <summary>
/// How Kelos paces and retries its own calls to GitHub (every Octokit client made by <see cref="GitHubConnectionFactory"/>).
/// GitHub allows at most 80 content-creating requests a minute and asks for writes to be serialized; it answers
/// over-eager callers with 403/429 and may ban an App that keeps going. The defaults follow GitHub's published limits.
/// </summary>
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
