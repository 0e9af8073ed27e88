using Kelos.Contracts;
using Kelos.GitHub.Api;
using MassTransit;
using Octokit;

namespace Kelos.GitHub.Triggers;

/// <summary>
/// 👀 on what a person wrote, at once, from a consumer (never the request path). GitHub answers a repeated
/// reaction with the existing one, so a retry adds nothing.
/// </summary>
public sealed class AcknowledgeConsumer(GitHubClientFactory clients) : IConsumer<AcknowledgeRequest>
{
    public async Task Consume(ConsumeContext<AcknowledgeRequest> context)
    {
        var ack = context.Message;
        var client = clients.CreateInstallationClient(ack.InstallationId);
        var eyes = new NewReaction(ReactionType.Eyes);
        if (ack.CommentId is { } commentId && ack.CommentKind == "review")
        {
            await client.Reaction.PullRequestReviewComment.Create(ack.Owner, ack.Repository, commentId, eyes);
        }
        else if (ack.CommentId is { } issueCommentId)
        {
            await client.Reaction.IssueComment.Create(ack.Owner, ack.Repository, issueCommentId, eyes);
        }
        else if (ack.IssueNumber is { } number)
        {
            await client.Reaction.Issue.Create(ack.Owner, ack.Repository, number, eyes);
        }
    }
}
