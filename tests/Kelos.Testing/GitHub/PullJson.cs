namespace Kelos.Testing.GitHub;

/// <summary>Pull requests, review comments and check runs, shaped as GitHub's REST API returns them.</summary>
internal static class PullJson
{
    public static object PullRequest(StandInState state, StandInRepository repository, StandInPullRequest pull) => new
    {
        Id = ContentJson.IssueId(repository, pull.Number),
        NodeId = $"PR_{ContentJson.IssueId(repository, pull.Number)}",
        pull.Number,
        Url = new Uri(state.BaseUrl, $"repos/{repository.FullName}/pulls/{pull.Number}"),
        HtmlUrl = new Uri(state.BaseUrl, $"{repository.FullName}/pull/{pull.Number}"),
        IssueUrl = new Uri(state.BaseUrl, $"repos/{repository.FullName}/issues/{pull.Number}"),
        pull.State,
        pull.Title,
        pull.Body,
        pull.Draft,
        User = AccountJson.User(state, pull.Author),
        Head = Ref(state, repository, pull.Head, pull.HeadSha),
        Base = Ref(state, repository, pull.Base, BaseSha(pull.Base)),
        RequestedReviewers = pull.RequestedReviewers.Select(login => AccountJson.User(state, login)).ToArray(),
        RequestedTeams = Array.Empty<object>(),
        Labels = Array.Empty<object>(),
        Merged = false,
        Locked = false,
        CreatedAt = StandInJson.Time(pull.CreatedAt),
        UpdatedAt = StandInJson.Time(pull.CreatedAt),
    };

    public static object ReviewComment(StandInState state, StandInReviewComment comment) => new
    {
        comment.Id,
        NodeId = $"PRRC_{comment.Id}",
        Url = new Uri(state.BaseUrl, $"repos/{comment.Repository}/pulls/comments/{comment.Id}"),
        HtmlUrl = new Uri(state.BaseUrl, $"{comment.Repository}/pull/{comment.PullNumber}#discussion_r{comment.Id}"),
        PullRequestUrl = new Uri(state.BaseUrl, $"repos/{comment.Repository}/pulls/{comment.PullNumber}"),
        PullRequestReviewId = comment.ReviewId,
        InReplyToId = comment.InReplyTo,
        comment.Path,
        comment.Line,
        Position = comment.Line,
        DiffHunk = string.Empty,
        comment.Body,
        User = AccountJson.User(state, comment.Author),
        CreatedAt = StandInJson.Time(comment.CreatedAt),
        UpdatedAt = StandInJson.Time(comment.CreatedAt),
        AuthorAssociation = ContentJson.Association(state, comment.Repository, comment.Author),
    };

    public static object CheckRun(StandInState state, StandInCheckRun run) => new
    {
        run.Id,
        NodeId = $"CR_{run.Id}",
        run.Name,
        run.HeadSha,
        run.ExternalId,
        run.DetailsUrl,
        run.Status,
        run.Conclusion,
        StartedAt = StandInJson.Time(run.StartedAt),
        CompletedAt = StandInJson.Time(run.CompletedAt),
        Url = new Uri(state.BaseUrl, $"repos/{run.Repository}/check-runs/{run.Id}"),
        HtmlUrl = new Uri(state.BaseUrl, $"{run.Repository}/runs/{run.Id}"),
        Output = new { run.Title, run.Summary, run.Text, AnnotationsCount = 0 },
        CheckSuite = new { Id = run.Id + 1 },
        App = AccountJson.App(state),
        PullRequests = Array.Empty<object>(),
    };

    /// <summary>A stable, made-up commit for a branch nobody gave a sha for.</summary>
    public static string BaseSha(string branch) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(branch)))[..40];

    private static object Ref(StandInState state, StandInRepository repository, string branch, string sha) => new
    {
        Label = $"{repository.Owner}:{branch}",
        Ref = branch,
        Sha = sha,
        User = AccountJson.User(state, repository.Owner),
        Repo = AccountJson.Repository(state, repository),
    };
}
