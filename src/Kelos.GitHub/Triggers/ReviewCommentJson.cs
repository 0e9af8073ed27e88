namespace Kelos.GitHub.Triggers;

/// <summary>
/// A PR review comment as the REST API returns it, with <c>line</c> (the file line), which Octokit 14's own
/// model lacks (it has only the diff position). Read through Octokit's connection.
/// </summary>
public sealed class ReviewCommentJson
{
    public long Id { get; set; }

    public string Path { get; set; } = "";

    public int? Line { get; set; }

    public int? OriginalLine { get; set; }

    public string Body { get; set; } = "";

    public long? InReplyToId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public ReviewCommentAuthor? User { get; set; }
}

/// <summary>The author of a <see cref="ReviewCommentJson"/>.</summary>
public sealed class ReviewCommentAuthor
{
    public string Login { get; set; } = "";
}
