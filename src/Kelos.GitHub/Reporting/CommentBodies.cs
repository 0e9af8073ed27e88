using System.Globalization;

namespace Kelos.GitHub.Reporting;

/// <summary>
/// Keeps comment, reply and pull-request bodies within what GitHub accepts. GitHub refuses a body over
/// <see cref="GitHubLimit"/> characters ("Body is too long", 422), and what Kelos renders (agent answers, plans,
/// reviews, log tails) has no length limit. A body over the budget is split into parts that each render on their own
/// (<see cref="Split"/>, <see cref="SplitLabelled"/>) or cut down to its first part and a note (<see cref="Trim"/>).
/// A body within the budget is returned as it is.
/// <para>
/// Lengths are counted in UTF-16 code units, never fewer than the characters GitHub counts. Where a part ends inside a
/// code fence or <c>&lt;details&gt;</c> blocks, the part closes them and the next one reopens them, so a part never
/// swallows what comes after it (a footer, the next comment) into a code block or a collapsed section. The reopened
/// lines repeat the fence's opening line (language included) and the <c>&lt;details …&gt;</c> tag with its
/// <c>&lt;summary&gt;</c>. Fences (``` or ~~~, indented by at most 3 spaces) and <c>&lt;details&gt;</c> /
/// <c>&lt;/details&gt;</c> tags at the start of a line are followed; inside a fence, tags are text.
/// </para>
/// </summary>
public static class CommentBodies
{
    /// <summary>The most characters GitHub accepts in a comment, reply or pull-request body.</summary>
    public const int GitHubLimit = 65_536;

    /// <summary>The default budget: room under <see cref="GitHubLimit"/> for a hidden marker, part notes and a safety margin.</summary>
    public const int Budget = 60_000;

    /// <summary>The smallest budget accepted: below it the lines that reopen nested blocks would crowd out the content.</summary>
    public const int MinimumBudget = 1_000;

    /// <summary>
    /// The body in parts of at most <paramref name="budget"/> characters each, in order; one part, unchanged, when it is
    /// within the budget. The contents of the parts (<see cref="MarkdownPart.Content"/>) put together are the body:
    /// <see cref="Parts"/> returns them with the lines the split added.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="budget"/> is below <see cref="MinimumBudget"/>.</exception>
    public static IReadOnlyList<string> Split(string markdown, int budget = Budget) =>
        [.. Parts(markdown, budget).Select(part => part.Text)];

    /// <summary><see cref="Split"/>, with each part's added lines apart from its slice of the body.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="budget"/> is below <see cref="MinimumBudget"/>.</exception>
    public static IReadOnlyList<MarkdownPart> Parts(string markdown, int budget = Budget)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, MinimumBudget);
        return [.. MarkdownSplitter.Split(markdown, budget)];
    }

    /// <summary>
    /// The body as it is when within <paramref name="budget"/>; otherwise its first part (every fence and
    /// <c>&lt;details&gt;</c> closed) and, after a blank line, <paramref name="note"/> — within the budget together.
    /// Each <c>{0}</c> in the note becomes the number of characters of the body left out, as <c>12,345</c>
    /// (replaced literally: other braces in the note stay as they are).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="budget"/> is below <see cref="MinimumBudget"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="note"/> leaves less than half the minimum budget for the body.</exception>
    public static string Trim(string markdown, string note, int budget = Budget)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(note);
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, MinimumBudget);
        if (markdown.Length <= budget)
        {
            return markdown;
        }

        var newline = MarkdownSplitter.NewlineOf(markdown);
        var tail = (2 * newline.Length) + FormatNote(note, markdown.Length).Length;
        if (budget - tail < MinimumBudget / 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The note is {note.Length:N0} characters long; it leaves too little of the {budget:N0}-character budget for the body."), nameof(note));
        }

        var first = MarkdownSplitter.Split(markdown, budget - tail).First();
        var text = first.Text.EndsWith('\n') ? first.Text : first.Text + newline;
        return text + newline + FormatNote(note, markdown.Length - first.Content.Length);
    }

    /// <summary>
    /// <see cref="Split"/>, with a footer line <c>_(part 1 of 3)_</c> after a blank line at the end of each part when
    /// there is more than one; each labelled part is within <paramref name="budget"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="budget"/> is below <see cref="MinimumBudget"/>.</exception>
    public static IReadOnlyList<string> SplitLabelled(string markdown, int budget = Budget)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, MinimumBudget);
        if (markdown.Length <= budget)
        {
            return [markdown];
        }

        var newline = MarkdownSplitter.NewlineOf(markdown);

        // Room for labels as wide as "(part 9 of 9)" covers up to 9 parts; with more, split again with room for wider ones.
        for (var most = 9; ; most = (most * 10) + 9)
        {
            var labelRoom = (2 * newline.Length) + Label(most, most).Length;
            var parts = MarkdownSplitter.Split(markdown, budget - labelRoom).Select(part => part.Text).ToList();
            if (parts.Count <= most)
            {
                return [.. parts.Select((text, i) => (text.EndsWith('\n') ? text : text + newline) + newline + Label(i + 1, parts.Count))];
            }
        }
    }

    private static string Label(int part, int count) => string.Create(CultureInfo.InvariantCulture, $"_(part {part} of {count})_");

    private static string FormatNote(string note, int omitted) =>
        note.Replace("{0}", omitted.ToString("N0", CultureInfo.InvariantCulture), StringComparison.Ordinal);

}
