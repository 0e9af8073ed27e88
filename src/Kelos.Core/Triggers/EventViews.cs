using Kelos.Contracts;
using Kelos.Core.Commands;
using Kelos.Core.Text;

namespace Kelos.Core.Triggers;

/// <summary>The structured template variables (<c>issue</c>, <c>pull_request</c>, …) as plain dictionaries.</summary>
internal static class EventViews
{
    public static string Clean(string? text) => text is null ? "" : HiddenText.Strip(text);

    public static List<object?> Labels(GitHubSubject? subject) => [.. (subject?.Labels ?? []).Select(l => (object?)Clean(l))];

    public static Dictionary<string, object?> Issue(GitHubSubject subject) => new(StringComparer.Ordinal)
    {
        ["number"] = subject.Number,
        ["title"] = Clean(subject.Title),
        ["body"] = Clean(subject.Body),
        ["url"] = subject.Url,
        ["author"] = subject.Author,
        ["state"] = subject.State,
        ["labels"] = Labels(subject),
        ["is_pull_request"] = subject.IsPullRequest,
    };

    public static Dictionary<string, object?> PullRequest(GitHubSubject subject, GitHubRepositoryRef? repository)
    {
        var view = Issue(subject);
        view["draft"] = subject.Draft ?? false;
        view["head_branch"] = subject.HeadBranch;
        view["base_branch"] = subject.BaseBranch;
        view["head_sha"] = subject.HeadSha;
        view["head_repository"] = subject.HeadRepository;
        view["fork"] = IsFork(subject, repository);
        return view;
    }

    /// <summary>True when the head repository is known and is not the base repository.</summary>
    public static bool IsFork(GitHubSubject subject, GitHubRepositoryRef? repository) =>
        subject.HeadRepository is { } head && repository is not null
        && !string.Equals(head, repository.FullName, StringComparison.OrdinalIgnoreCase);

    public static Dictionary<string, object?> Comment(GitHubComment comment) => new(StringComparer.Ordinal)
    {
        ["id"] = comment.Id,
        ["body"] = Clean(comment.Body),
        ["url"] = comment.Url,
        ["author"] = comment.Author,
        ["author_association"] = comment.AuthorAssociation,
        ["path"] = comment.Path,
        ["line"] = comment.Line,
        ["in_reply_to_id"] = comment.InReplyToId,
        ["review_id"] = comment.ReviewId,
        ["review_state"] = comment.ReviewState,
    };

    public static Dictionary<string, object?> CheckRun(GitHubCheckRunRef check) => new(StringComparer.Ordinal)
    {
        ["id"] = check.Id,
        ["name"] = Clean(check.Name),
        ["conclusion"] = check.Conclusion,
        ["head_sha"] = check.HeadSha,
        ["head_branch"] = check.HeadBranch,
    };

    public static Dictionary<string, object?> Command(SlashCommand command) => new(StringComparer.Ordinal)
    {
        ["verb"] = command.Verb,
        ["text"] = Clean(command.Text),
        ["agent"] = command.Agent,
        ["model"] = command.Model is null ? null : Clean(command.Model),
        ["line"] = command.Line,
        ["mention"] = command.IsMention,
    };

    public static Dictionary<string, object?> Repo(GitHubRepositoryRef repository) => new(StringComparer.Ordinal)
    {
        ["owner"] = repository.Owner,
        ["name"] = repository.Name,
        ["full_name"] = repository.FullName,
        ["default_branch"] = repository.DefaultBranch,
        ["private"] = repository.Private,
    };
}
