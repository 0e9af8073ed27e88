using System.Net;
using Octokit;

namespace Kelos.GitHub.Api;

/// <summary>Which failures of a GitHub call are worth trying again later: GitHub's own trouble, not a refusal.</summary>
public static class GitHubFaults
{
    /// <summary>
    /// True for a 5xx, a 429, the primary or secondary rate limit and abuse detection (they lift by themselves); false
    /// for every other answer (404 gone, 403 not allowed, 422 invalid), which the same request would get again.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        RateLimitExceededException or SecondaryRateLimitExceededException or AbuseException => true,
        ApiException api => (int)api.StatusCode >= 500 || api.StatusCode == HttpStatusCode.TooManyRequests,
        _ => false,
    };
}
