using Kelos.Contracts;
using Kelos.GitHub.Api;
using MassTransit;
using Microsoft.Extensions.Logging;
using Octokit;

namespace Kelos.GitHub.Replies;

/// <summary>
/// Posts an answer on an issue or pull request. Idempotent: an answer carrying the same marker from a bot is
/// looked for first, so a retried or redelivered request never answers twice.
/// </summary>
public sealed class ReplyConsumer(GitHubClientFactory clients, ILogger<ReplyConsumer> logger) : IConsumer<ReplyRequest>
{
    public async Task Consume(ConsumeContext<ReplyRequest> context)
    {
        var reply = context.Message;
        var client = clients.CreateInstallationClient(reply.InstallationId);
        var marker = ReplyMarker.For(reply.Key);
        var existing = await client.Issue.Comment.GetAllForIssue(reply.Owner, reply.Repository, reply.IssueNumber);
        if (existing.Any(c => c.User?.Type == AccountType.Bot && c.Body?.Contains(marker, StringComparison.Ordinal) == true))
        {
            logger.LogInformation("Reply {Key} on {Repository}#{Number} was posted already", reply.Key, $"{reply.Owner}/{reply.Repository}", reply.IssueNumber);
            return;
        }

        var body = Reporting.CommentBodies.Trim(reply.Body.TrimEnd(), "_… trimmed: {0} more characters._");
        await client.Issue.Comment.Create(reply.Owner, reply.Repository, reply.IssueNumber, $"{body}\n\n{marker}\n");
        logger.LogInformation("Replied on {Repository}#{Number} ({Key})", $"{reply.Owner}/{reply.Repository}", reply.IssueNumber, reply.Key);
    }
}
