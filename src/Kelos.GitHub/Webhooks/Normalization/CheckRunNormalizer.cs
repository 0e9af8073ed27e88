using Kelos.Contracts;
using Octokit.Webhooks.Events;

namespace Kelos.GitHub.Webhooks.Normalization;

/// <summary>
/// <c>check_run</c> <c>completed</c>: name, conclusion, head commit and branch, for CI remediation. No subject:
/// the payload names its pull requests by number only, and the consumer looks them up. Identity: the check run id
/// (a re-run is a new check run).
/// </summary>
internal static class CheckRunNormalizer
{
    public static NormalizedWebhook Normalize(WebhookEnvelope envelope, CheckRunEvent payload)
    {
        var run = payload.CheckRun;
        var checkRun = new GitHubCheckRunRef(run.Id, run.Name, run.Conclusion?.StringValue, run.HeadSha, run.CheckSuite.HeadBranch);
        return new NormalizedWebhook(PayloadMapping.Message(envelope, payload, checkRun: checkRun), PayloadMapping.Identity(envelope, run.Id));
    }
}
