using Kelos.Core.Resources;
using Kelos.GitHub.Replies;
using Octokit;

namespace Kelos.GitHub.Reporting;

/// <summary>
/// What a finished Task leads to besides its tracking comment: the plan or review posted as its own comment(s), the
/// reply in the review thread the request came from, and 🚀 or 😕 on the request. Each is keyed by a hidden marker
/// (GitHub answers a repeated reaction with the existing one), so a retry posts nothing twice.
/// </summary>
public sealed class FinishingTouches(CommentTemplates templates, TrackingComments tracking)
{
    /// <summary>Posts the agent's answer as a plan or a review; long answers are split into labelled parts.</summary>
    public async Task PostAnswerAsync(IGitHubClient client, ReportTarget target, TaskView view, string mode, string answer)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(view);
        if (target.Number is not { } number)
        {
            return;
        }

        var template = mode == "review" ? CommentTemplateNames.Review : CommentTemplateNames.Plan;
        var parts = CommentBodies.Split(answer, CommentBodies.Budget - 2_000);
        for (var i = 0; i < parts.Count; i++)
        {
            var marker = ReplyMarker.For($"task-{view.Name}-answer-{i + 1}");
            if (await tracking.FindAsync(client, target, number, marker) is not null)
            {
                continue;
            }

            var body = templates.Render(template, new AnswerView(view, parts[i], i + 1, parts.Count));
            await client.Issue.Comment.Create(target.Owner, target.Repository, number, $"{body.TrimEnd()}\n\n{marker}\n");
        }
    }

    /// <summary>Replies in the review thread whose comment asked, saying what changed and in which commit.</summary>
    public async Task ReplyInThreadAsync(IGitHubClient client, ReportTarget target, TaskView view)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(view);
        if (target.Number is not { } number || target.CommentId is not { } commentId)
        {
            return;
        }

        var marker = ReplyMarker.For($"task-{view.Name}-thread");
        var thread = await client.PullRequest.ReviewComment.GetAll(target.Owner, target.Repository, number);
        if (thread.Any(c => tracking.IsOurs(c.User) && c.Body?.Contains(marker, StringComparison.Ordinal) == true))
        {
            return;
        }

        var body = templates.Render(CommentTemplateNames.ReviewReply, new ThreadReplyView(view, view.Answer));
        await client.PullRequest.ReviewComment.CreateReply(
            target.Owner, target.Repository, number, new PullRequestReviewCommentReplyCreate($"{CommentBodies.Trim(body.TrimEnd(), "_… trimmed: {0} more characters._")}\n\n{marker}\n", commentId));
    }

    /// <summary>🚀 when the Task succeeded, 😕 when it failed, on the comment that asked, else on the issue or pull request.</summary>
    public static async Task ReactAsync(IGitHubClient client, ReportTarget target, string phase)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(target);
        ReactionType? content = phase switch
        {
            TaskPhase.Succeeded => ReactionType.Rocket,
            TaskPhase.Failed => ReactionType.Confused,
            _ => null,
        };
        if (content is not { } type)
        {
            return;
        }

        var reaction = new NewReaction(type);
        if (target.CommentId is { } id && target.CommentKind == Core.Triggers.SourceAnnotations.CommentKindReviewComment)
        {
            await client.Reaction.PullRequestReviewComment.Create(target.Owner, target.Repository, id, reaction);
        }
        else if (target.CommentId is { } commentId && target.CommentKind == Core.Triggers.SourceAnnotations.CommentKindIssue)
        {
            await client.Reaction.IssueComment.Create(target.Owner, target.Repository, commentId, reaction);
        }
        else if (target.Number is { } number)
        {
            await client.Reaction.Issue.Create(target.Owner, target.Repository, number, reaction);
        }
    }
}
