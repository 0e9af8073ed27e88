namespace Kelos.GitHub.Reporting;

/// <summary>
/// One part of a comment body that was too long for one comment: <see cref="Content"/> is the part's slice of the
/// original body; <see cref="Opening"/> and <see cref="Closing"/> are lines the split added so the part renders on its
/// own (reopening the code fences and <c>&lt;details&gt;</c> blocks the previous part closed, closing those still open
/// at its end). The contents of all parts, in order, are the original body.
/// </summary>
public sealed record MarkdownPart(string Opening, string Content, string Closing)
{
    /// <summary>What is posted: <see cref="Opening"/>, <see cref="Content"/> and <see cref="Closing"/>.</summary>
    public string Text => Opening + Content + Closing;
}
