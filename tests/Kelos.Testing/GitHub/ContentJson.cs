namespace Kelos.Testing.GitHub;

/// <summary>Issues, comments and reactions, shaped as GitHub's REST API returns them.</summary>
internal static class ContentJson
{
    public static object Issue(StandInState state, StandInRepository repository, StandInIssue issue) => new
    {
        Id = IssueId(repository, issue.Number),
        NodeId = $"I_{IssueId(repository, issue.Number)}",
        issue.Number,
        issue.Title,
        issue.Body,
        issue.State,
        User = AccountJson.User(state, issue.Author),
        Url = new Uri(state.BaseUrl, $"repos/{repository.FullName}/issues/{issue.Number}"),
        HtmlUrl = new Uri(state.BaseUrl, $"{repository.FullName}/issues/{issue.Number}"),
        Comments = state.Comments.Values.Count(c => c.Repository == repository.FullName && c.IssueNumber == issue.Number),
        Labels = Array.Empty<object>(),
        CreatedAt = StandInJson.Time(issue.CreatedAt),
        UpdatedAt = StandInJson.Time(issue.CreatedAt),
        PullRequest = issue.IsPullRequest
            ? new
            {
                Url = new Uri(state.BaseUrl, $"repos/{repository.FullName}/pulls/{issue.Number}"),
                HtmlUrl = new Uri(state.BaseUrl, $"{repository.FullName}/pull/{issue.Number}"),
            }
            : null,
    };

    public static object Comment(StandInState state, StandInComment comment) => new
    {
        comment.Id,
        NodeId = $"IC_{comment.Id}",
        Url = new Uri(state.BaseUrl, $"repos/{comment.Repository}/issues/comments/{comment.Id}"),
        HtmlUrl = new Uri(state.BaseUrl, $"{comment.Repository}/issues/{comment.IssueNumber}#issuecomment-{comment.Id}"),
        IssueUrl = new Uri(state.BaseUrl, $"repos/{comment.Repository}/issues/{comment.IssueNumber}"),
        comment.Body,
        User = AccountJson.User(state, comment.Author),
        CreatedAt = StandInJson.Time(comment.CreatedAt),
        UpdatedAt = StandInJson.Time(comment.UpdatedAt),
        AuthorAssociation = Association(state, comment.Repository, comment.Author),
        PerformedViaGithubApp = comment.Author == state.BotLogin ? AccountJson.App(state) : null,
    };

    public static object Reaction(StandInState state, StandInReaction reaction) => new
    {
        reaction.Id,
        NodeId = $"REA_{reaction.Id}",
        User = AccountJson.User(state, reaction.User),
        reaction.Content,
        CreatedAt = StandInJson.Time(reaction.CreatedAt),
    };

    /// <summary>Issue and pull request ids are derived from the repository and number: unique, and stable.</summary>
    public static long IssueId(StandInRepository repository, int number) => (repository.Id * 100_000) + number;

    /// <summary>OWNER, COLLABORATOR or NONE, from the seeded collaborators.</summary>
    public static string Association(StandInState state, string repository, string login)
    {
        var owner = repository[..repository.IndexOf('/', StringComparison.Ordinal)];
        if (string.Equals(owner, login, StringComparison.OrdinalIgnoreCase))
        {
            return "OWNER";
        }

        return state.Collaborators.TryGetValue((repository, login.ToLowerInvariant()), out var permission) && permission != "none"
            ? "COLLABORATOR"
            : "NONE";
    }
}
