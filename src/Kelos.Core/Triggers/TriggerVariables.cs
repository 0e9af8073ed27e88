using System.Globalization;
using Kelos.Contracts;
using Kelos.Core.Commands;

namespace Kelos.Core.Triggers;

/// <summary>
/// The variables a <c>githubWebhook</c> TaskSpawner's templates (<c>promptTemplate</c>, <c>branch</c>,
/// <c>nameTemplate</c>) are rendered with. Every name below is always defined, so a template may test
/// <c>{{ if comment }}</c>; upstream's Go names reach the same values through the Go→Scriban translation
/// (<c>{{.CommentBody}}</c> is <c>{{ comment_body }}</c>).
/// </summary>
/// <remarks>
/// <para>Upstream's flat variables keep Go's zero values when the event has no such thing: <c>""</c>, <c>0</c>, an empty
/// list.</para>
/// <list type="table">
/// <listheader><term>Scriban (Go)</term><description>Value</description></listheader>
/// <item><term><c>event</c> (<c>.Event</c>)</term><description>the event name: <c>issue_comment</c>, <c>issues</c>, …</description></item>
/// <item><term><c>action</c> (<c>.Action</c>)</term><description>the action: <c>created</c>, <c>labeled</c>, …</description></item>
/// <item><term><c>sender</c> (<c>.Sender</c>)</term><description>the login of who caused the event</description></item>
/// <item><term><c>repository</c> (<c>.Repository</c>)</term><description><c>owner/name</c></description></item>
/// <item><term><c>repository_owner</c>, <c>repository_name</c> (<c>.RepositoryOwner</c>, <c>.RepositoryName</c>)</term><description>its two parts</description></item>
/// <item><term><c>id</c> (<c>.ID</c>)</term><description>the issue or pull request number as text, else the check run id</description></item>
/// <item><term><c>kind</c> (<c>.Kind</c>)</term><description><c>webhook</c></description></item>
/// <item><term><c>number</c> (<c>.Number</c>)</term><description>the issue or pull request number</description></item>
/// <item><term><c>title</c>, <c>body</c>, <c>url</c> (<c>.Title</c>, <c>.Body</c>, <c>.URL</c>)</term><description>of the issue or pull request</description></item>
/// <item><term><c>labels</c> (<c>.Labels</c>)</term><description>its labels (a list)</description></item>
/// <item><term><c>branch</c> (<c>.Branch</c>)</term><description>the pull request's head branch, else the check run's</description></item>
/// <item><term><c>comment_body</c>, <c>comment_url</c>, <c>comment_author</c> (<c>.CommentBody</c>, <c>.CommentURL</c>, <c>.CommentAuthor</c>)</term><description>of the comment, review comment or review</description></item>
/// <item><term><c>check_name</c>, <c>conclusion</c> (<c>.CheckName</c>, <c>.Conclusion</c>)</term><description>of the check run</description></item>
/// <item><term><c>head_sha</c> (<c>.HeadSHA</c>)</term><description>the check run's head commit, else the pull request's</description></item>
/// <item><term><c>label</c> (<c>.Label</c>)</term><description>the label just added or removed</description></item>
/// <item><term><c>delivery_id</c> (<c>.DeliveryID</c>)</term><description>the <c>X-GitHub-Delivery</c> id</description></item>
/// <item><term><c>conversation</c></term><description>for PR feedback: the whole review (every comment with file and
/// line) or the review thread of a review comment, as Markdown; <c>""</c> otherwise</description></item>
/// <item><term><c>payload</c> (<c>.Payload</c>)</term><description>always null: the raw payload does not travel past the
/// front end (it is not in <see cref="GitHubEventReceived"/>); use the variables here</description></item>
/// </list>
/// <para>Structured variables are null when the event has no such thing:</para>
/// <list type="table">
/// <listheader><term>Scriban</term><description>Members</description></listheader>
/// <item><term><c>issue</c></term><description><c>number</c>, <c>title</c>, <c>body</c>, <c>url</c>, <c>author</c>,
/// <c>state</c>, <c>labels</c>, <c>is_pull_request</c>. Set for pull requests too (a pull request is an issue), so a
/// prompt written for comments works on both.</description></item>
/// <item><term><c>pull_request</c></term><description>the members of <c>issue</c> plus <c>draft</c>, <c>head_branch</c>,
/// <c>base_branch</c>, <c>head_sha</c>, <c>head_repository</c> (<c>owner/name</c>) and <c>fork</c> (head repository
/// differs from the base)</description></item>
/// <item><term><c>comment</c></term><description><c>id</c>, <c>body</c>, <c>url</c>, <c>author</c>,
/// <c>author_association</c>, <c>path</c>, <c>line</c> (review comments), <c>in_reply_to_id</c>, <c>review_id</c>,
/// <c>review_state</c> (reviews)</description></item>
/// <item><term><c>check_run</c></term><description><c>id</c>, <c>name</c>, <c>conclusion</c>, <c>head_sha</c>,
/// <c>head_branch</c></description></item>
/// <item><term><c>command</c></term><description><c>verb</c>, <c>text</c>, <c>agent</c>, <c>model</c>, <c>line</c>,
/// <c>mention</c> (true for <c>@app</c>)</description></item>
/// <item><term><c>repo</c></term><description><c>owner</c>, <c>name</c>, <c>full_name</c>, <c>default_branch</c>,
/// <c>private</c></description></item>
/// </list>
/// <para>All text people wrote (titles, bodies, comments, labels, command text, check names) has hidden text
/// stripped (<see cref="Text.HiddenText"/>).</para>
/// </remarks>
public static class TriggerVariables
{
    /// <summary>The variables for an event and the command it was matched for (or null).</summary>
    public static IReadOnlyDictionary<string, object?> For(GitHubEventReceived e, SlashCommand? command)
    {
        ArgumentNullException.ThrowIfNull(e);
        var subject = e.Subject;
        var comment = e.Comment;
        var check = e.CheckRun;
        var repository = e.Repository;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["event"] = e.Event,
            ["action"] = e.Action ?? "",
            ["sender"] = e.Sender.Login,
            ["repository"] = repository?.FullName ?? "",
            ["repository_owner"] = repository?.Owner ?? "",
            ["repository_name"] = repository?.Name ?? "",
            ["id"] = subject?.Number.ToString(CultureInfo.InvariantCulture) ?? check?.Id.ToString(CultureInfo.InvariantCulture) ?? "",
            ["kind"] = "webhook",
            ["number"] = subject?.Number ?? 0,
            ["title"] = EventViews.Clean(subject?.Title),
            ["body"] = EventViews.Clean(subject?.Body),
            ["url"] = subject?.Url ?? "",
            ["labels"] = EventViews.Labels(subject),
            ["branch"] = subject?.HeadBranch ?? check?.HeadBranch ?? "",
            ["comment_body"] = EventViews.Clean(comment?.Body),
            ["comment_url"] = comment?.Url ?? "",
            ["comment_author"] = comment?.Author ?? "",
            ["check_name"] = EventViews.Clean(check?.Name),
            ["conclusion"] = check?.Conclusion ?? "",
            ["head_sha"] = check?.HeadSha ?? subject?.HeadSha ?? "",
            ["label"] = EventViews.Clean(e.Label),
            ["delivery_id"] = e.DeliveryId,
            ["conversation"] = EventViews.Clean(e.Conversation),
            ["payload"] = null,
            ["issue"] = subject is null ? null : EventViews.Issue(subject),
            ["pull_request"] = subject is { IsPullRequest: true } ? EventViews.PullRequest(subject, repository) : null,
            ["comment"] = comment is null ? null : EventViews.Comment(comment),
            ["check_run"] = check is null ? null : EventViews.CheckRun(check),
            ["command"] = command is null ? null : EventViews.Command(command),
            ["repo"] = repository is null ? null : EventViews.Repo(repository),
        };
    }
}
