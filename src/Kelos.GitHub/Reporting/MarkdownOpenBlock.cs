namespace Kelos.GitHub.Reporting;

/// <summary>
/// A code fence or <c>&lt;details&gt;</c> block that is open at some line of a comment body: one node of an
/// immutable stack (<see cref="Parent"/> is the block it sits in), so the state at any line boundary can be kept
/// without copying. A fence is always the innermost block: nothing opens inside one.
/// </summary>
internal sealed class MarkdownOpenBlock
{
    public const string DetailsClose = "</details>";
    public const string BareDetails = "<details>";

    private readonly string[] _header;

    private MarkdownOpenBlock(MarkdownOpenBlock? parent, char fenceChar, int fenceLength, string[] header, MarkdownSummary summary)
    {
        Parent = parent;
        _header = header;
        FenceChar = fenceChar;
        FenceLength = fenceLength;
        Summary = summary;
        Depth = (parent?.Depth ?? 0) + 1;

        var headerChars = 0;
        foreach (var line in header)
        {
            headerChars += line.Length;
        }

        // A reopened <details> is followed by a blank line, so Markdown after it is Markdown again, not HTML.
        FullChars = (parent?.FullChars ?? 0) + headerChars;
        FullLines = (parent?.FullLines ?? 0) + header.Length + (IsFence ? 0 : 1);
        BareChars = (parent?.BareChars ?? 0) + (IsFence ? fenceLength : BareDetails.Length);
        BareLines = (parent?.BareLines ?? 0) + (IsFence ? 1 : 2);
        CloseChars = (parent?.CloseChars ?? 0) + (IsFence ? fenceLength : DetailsClose.Length);
        CloseLines = (parent?.CloseLines ?? 0) + 1;
    }

    public MarkdownOpenBlock? Parent { get; }

    public bool IsFence => FenceChar != '\0';

    /// <summary><c>`</c> or <c>~</c> for a fence; <c>'\0'</c> for <c>&lt;details&gt;</c>.</summary>
    public char FenceChar { get; }

    public int FenceLength { get; }

    /// <summary>The lines that reopen this block: a fence's opening line, or the <c>&lt;details …&gt;</c> tag and its summary.</summary>
    public IReadOnlyList<string> Header => _header;

    public MarkdownSummary Summary { get; }

    public int Depth { get; }

    /// <summary>Characters and lines (without line breaks) of the full reopening of this block and those around it.</summary>
    public int FullChars { get; }

    public int FullLines { get; }

    /// <summary>The same for the bare reopening: fences without their info string, <c>&lt;details&gt;</c> without summary.</summary>
    public int BareChars { get; }

    public int BareLines { get; }

    /// <summary>The same for the closing lines.</summary>
    public int CloseChars { get; }

    public int CloseLines { get; }

    public static MarkdownOpenBlock Fence(MarkdownOpenBlock? parent, char fenceChar, int fenceLength, string openingLine) =>
        new(parent, fenceChar, fenceLength, [openingLine], MarkdownSummary.None);

    public static MarkdownOpenBlock Details(MarkdownOpenBlock? parent, string header, MarkdownSummary summary) =>
        new(parent, '\0', 0, [header], summary);

    public MarkdownOpenBlock WithSummaryLine(string line, MarkdownSummary summary) =>
        new(Parent, FenceChar, FenceLength, [.. _header, line], summary);

    public MarkdownOpenBlock WithSummary(MarkdownSummary summary) =>
        new(Parent, FenceChar, FenceLength, _header, summary);

    /// <summary>This block and those around it, outermost first.</summary>
    public MarkdownOpenBlock[] OutermostFirst()
    {
        var blocks = new MarkdownOpenBlock[Depth];
        for (var (block, i) = (this, Depth - 1); i >= 0; block = block.Parent!, i--)
        {
            blocks[i] = block;
        }

        return blocks;
    }
}
