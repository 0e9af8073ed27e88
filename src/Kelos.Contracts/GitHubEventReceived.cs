namespace Kelos.Contracts;

/// <summary>
/// A GitHub webhook delivery, verified and normalized by the front end, before any decision is made on it.
/// Plain values only; what Kelos acts on is here, the raw payload is not.
/// </summary>
/// <param name="DeliveryId">The <c>X-GitHub-Delivery</c> GUID (the same on a redelivery).</param>
/// <param name="Event">The <c>X-GitHub-Event</c> name: issue_comment, issues, pull_request, pull_request_review, …</param>
/// <param name="Action">The payload's <c>action</c>, when it has one.</param>
/// <param name="Subject">The issue or pull request the event is about, if any.</param>
/// <param name="Comment">The comment, review comment or review that carries text, if any.</param>
/// <param name="Label">The label added or removed (labeled/unlabeled).</param>
/// <param name="Conversation">
/// Added by the trigger consumer, not the front end: the whole review a PR feedback event belongs to (each
/// comment with file and line) or the review thread a review comment sits in, as Markdown.
/// </param>
public sealed record GitHubEventReceived(
    string DeliveryId,
    string Event,
    string? Action,
    long? InstallationId,
    GitHubRepositoryRef? Repository,
    GitHubActor Sender,
    GitHubSubject? Subject,
    GitHubComment? Comment,
    string? Label,
    GitHubCheckRunRef? CheckRun,
    DateTimeOffset ReceivedAt,
    string? Conversation = null);

/// <summary>A repository: <c>owner/name</c>, its default branch, whether it is private.</summary>
public sealed record GitHubRepositoryRef(string Owner, string Name, string DefaultBranch, bool Private)
{
    public string FullName => $"{Owner}/{Name}";
}

/// <summary>Who did something: a login and whether it is a <c>User</c>, a <c>Bot</c> or an <c>Organization</c>.</summary>
public sealed record GitHubActor(string Login, long Id, string Type);

/// <summary>An issue or a pull request (a PR is an issue with a head and a base).</summary>
/// <param name="HeadRepository">The PR's head repository <c>owner/name</c>; differs from the base for a fork.</param>
public sealed record GitHubSubject(
    int Number,
    string Title,
    string Body,
    string Url,
    bool IsPullRequest,
    string State,
    string Author,
    IReadOnlyList<string> Labels,
    bool? Draft = null,
    string? HeadBranch = null,
    string? HeadSha = null,
    string? HeadRepository = null,
    string? BaseBranch = null);

/// <summary>Text someone wrote: an issue comment, a PR review comment (with file and line), or a review body.</summary>
/// <param name="AuthorAssociation">GitHub's author_association: OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, …</param>
/// <param name="ReviewState">For a review: approved, changes_requested, commented.</param>
public sealed record GitHubComment(
    long Id,
    string Body,
    string Url,
    string Author,
    string AuthorAssociation,
    string? Path = null,
    int? Line = null,
    long? InReplyToId = null,
    long? ReviewId = null,
    string? ReviewState = null);

/// <summary>A check run: its name, conclusion and head commit.</summary>
public sealed record GitHubCheckRunRef(long Id, string Name, string? Conclusion, string HeadSha, string? HeadBranch);
