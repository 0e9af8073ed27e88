namespace Kelos.GitHub.Webhooks;

/// <summary>The <c>X-GitHub-Event</c> names Kelos knows.</summary>
public static class WebhookEventNames
{
    public const string Ping = "ping";
    public const string IssueComment = "issue_comment";
    public const string Issues = "issues";
    public const string PullRequest = "pull_request";
    public const string PullRequestReview = "pull_request_review";
    public const string PullRequestReviewComment = "pull_request_review_comment";
    public const string CheckRun = "check_run";
    public const string Installation = "installation";
    public const string InstallationRepositories = "installation_repositories";
}
