using Kelos.GitHub.Webhooks;
using Microsoft.Extensions.Options;
using Octokit;

namespace Kelos.GitHub.Reporting;

/// <summary>
/// The one comment that follows a Task, edited in place. It carries a hidden marker (<c>&lt;!-- kelos:task:NAME --&gt;</c>,
/// or <c>&lt;!-- kelos:sticky:SPAWNER --&gt;</c> in Sticky mode), so after a restart, or a retry whose create reached
/// GitHub but whose answer did not, the same comment is found and edited rather than a second one posted. Only
/// comments written by our App count.
/// </summary>
public sealed class TrackingComments(IOptions<KelosWebhookOptions> webhooks)
{
    public static string Marker(string key) => $"<!-- kelos:{key} -->";

    /// <summary>Edits the comment known by <paramref name="knownId"/>, else the one carrying the marker, else creates it. Returns its id.</summary>
    public async Task<long> UpsertAsync(IGitHubClient client, ReportTarget target, string key, long? knownId, string body)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(target);
        var marker = Marker(key);
        var text = $"{body.TrimEnd()}\n\n{marker}\n";
        if (knownId is { } id)
        {
            try
            {
                await client.Issue.Comment.Update(target.Owner, target.Repository, id, text);
                return id;
            }
            catch (NotFoundException)
            {
                // Deleted by someone: look for another copy, else post a new one.
            }
        }

        var number = target.Number ?? throw new InvalidOperationException("a tracking comment needs an issue or pull request");
        if (await FindAsync(client, target, number, marker) is { } found)
        {
            if (found.Body != text)
            {
                await client.Issue.Comment.Update(target.Owner, target.Repository, found.Id, text);
            }

            return found.Id;
        }

        var created = await client.Issue.Comment.Create(target.Owner, target.Repository, number, text);
        return created.Id;
    }

    /// <summary>Our App's comment on the issue that carries <paramref name="marker"/>, if any.</summary>
    public async Task<IssueComment?> FindAsync(IGitHubClient client, ReportTarget target, int number, string marker)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(target);
        var comments = await client.Issue.Comment.GetAllForIssue(target.Owner, target.Repository, number);
        return comments.FirstOrDefault(c => IsOurs(c.User) && c.Body?.Contains(marker, StringComparison.Ordinal) == true);
    }

    /// <summary>Written by our App: its <c>slug[bot]</c> login when the slug is configured, else any bot.</summary>
    public bool IsOurs(User? author) =>
        author is not null && (webhooks.Value.AppSlug is { Length: > 0 } slug
            ? string.Equals(author.Login, slug + "[bot]", StringComparison.OrdinalIgnoreCase)
            : author.Type == AccountType.Bot);
}
