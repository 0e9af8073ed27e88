using System.Text.RegularExpressions;

namespace Kelos.GitHub.Reporting;

/// <summary>
/// Follows which code fences and <c>&lt;details&gt;</c> blocks are open, one line at a time, the way GitHub reads them
/// as far as splitting a comment needs:
/// <list type="bullet">
/// <item>A fence opens with 3 or more <c>`</c> or <c>~</c>, indented by at most 3 spaces, with an optional info string
/// (which, for a backtick fence, holds no backtick). It closes with a line of at least as many of the same character,
/// indented by at most 3 spaces, followed by nothing but spaces. Nothing inside a fence is a block: a
/// <c>&lt;details&gt;</c> there is literal text.</item>
/// <item>A line that starts (after at most 3 spaces) with <c>&lt;details …&gt;</c> or <c>&lt;/details&gt;</c> opens
/// and closes blocks tag by tag, left to right. The <c>&lt;summary&gt;…&lt;/summary&gt;</c> that follows the tag, on
/// the same line or on the next lines, becomes part of the block's header, so a later part can reopen it.</item>
/// </list>
/// Not followed: fences inside block quotes or list items indented 4 or more spaces, tags spread over several lines,
/// and HTML blocks (a fence right under a <c>&lt;details&gt;</c> line with no blank line between is taken as a fence).
/// </summary>
internal static partial class MarkdownBlockScanner
{
    // A summary that never closes stops growing the header here; reopening repeats at most this much.
    private const int MaxSummaryLines = 10;

    // Only the start of a line is searched for the tag that makes it a <details> line.
    private const int MaxTagScan = 1_000;

    /// <summary>The blocks open after <paramref name="line"/> (without its line break), given those open before it.</summary>
    public static MarkdownOpenBlock? Scan(MarkdownOpenBlock? open, ReadOnlySpan<char> line)
    {
        if (line.EndsWith('\r'))
        {
            line = line[..^1];
        }

        if (open is { IsFence: true })
        {
            return IsClosingFence(line, open.FenceChar, open.FenceLength) ? open.Parent : open;
        }

        if (open is { Summary: MarkdownSummary.Expected or MarkdownSummary.Inside })
        {
            if (TryContinueSummary(open, line, out var next, out var rest))
            {
                return ScanTags(next, rest);
            }

            open = open.WithSummary(MarkdownSummary.Done);
        }

        var indent = LeadingSpaces(line);
        if (indent > 3)
        {
            return open;
        }

        if (TryOpenFence(line[indent..], out var fenceChar, out var fenceLength))
        {
            return MarkdownOpenBlock.Fence(open, fenceChar, fenceLength, line.ToString());
        }

        return StartsWithDetailsTag(line[indent..]) ? ScanTags(open, line[indent..]) : open;
    }

    private static bool TryContinueSummary(MarkdownOpenBlock details, ReadOnlySpan<char> line, out MarkdownOpenBlock next, out ReadOnlySpan<char> rest)
    {
        next = details;
        rest = [];
        if (details.Summary == MarkdownSummary.Expected)
        {
            if (IsBlank(line))
            {
                return true;
            }

            var indent = LeadingSpaces(line);
            if (indent > 3 || !SummaryOpen().IsMatch(line[indent..]))
            {
                return false;
            }

            line = line[indent..];
        }

        var close = FirstMatch(SummaryClose(), line);
        if (close.Index < 0)
        {
            var summary = details.Header.Count >= MaxSummaryLines ? MarkdownSummary.Done : MarkdownSummary.Inside;
            next = details.WithSummaryLine(line.ToString(), summary);
            return true;
        }

        var end = close.Index + close.Length;
        next = details.WithSummaryLine(line[..end].ToString(), MarkdownSummary.Done);
        rest = line[end..];
        return true;
    }

    private static MarkdownOpenBlock? ScanTags(MarkdownOpenBlock? open, ReadOnlySpan<char> text)
    {
        var position = 0;
        while (position < text.Length)
        {
            var tag = FirstMatch(DetailsTag(), text[position..]);
            if (tag.Index < 0)
            {
                break;
            }

            var start = position + tag.Index;
            var end = start + tag.Length;
            if (text[start + 1] == '/')
            {
                // A stray </details> closes nothing; inside a fence no tag is read at all.
                open = open is { IsFence: false } ? open.Parent : open;
                position = end;
                continue;
            }

            var after = text[end..];
            var gap = after.Length - after.TrimStart().Length;
            if (gap == after.Length)
            {
                return MarkdownOpenBlock.Details(open, text[start..end].ToString(), MarkdownSummary.Expected);
            }

            if (!SummaryOpen().IsMatch(after[gap..]))
            {
                open = MarkdownOpenBlock.Details(open, text[start..end].ToString(), MarkdownSummary.Done);
                position = end;
                continue;
            }

            var close = FirstMatch(SummaryClose(), after);
            if (close.Index < 0)
            {
                return MarkdownOpenBlock.Details(open, text[start..].ToString(), MarkdownSummary.Inside);
            }

            position = end + close.Index + close.Length;
            open = MarkdownOpenBlock.Details(open, text[start..position].ToString(), MarkdownSummary.Done);
        }

        return open;
    }

    private static bool TryOpenFence(ReadOnlySpan<char> text, out char fenceChar, out int fenceLength)
    {
        fenceChar = text.IsEmpty ? '\0' : text[0];
        fenceLength = text.Length - text.TrimStart(fenceChar).Length;
        return fenceChar is '`' or '~'
            && fenceLength >= 3
            && (fenceChar == '~' || !text[fenceLength..].Contains('`'));
    }

    private static bool IsClosingFence(ReadOnlySpan<char> line, char fenceChar, int fenceLength)
    {
        var indent = LeadingSpaces(line);
        if (indent > 3)
        {
            return false;
        }

        var text = line[indent..];
        var run = text.Length - text.TrimStart(fenceChar).Length;
        return run >= fenceLength && IsBlank(text[run..]);
    }

    public static bool IsBlank(ReadOnlySpan<char> line) => line.TrimStart(" \t\r").IsEmpty;

    private static int LeadingSpaces(ReadOnlySpan<char> line) => line.Length - line.TrimStart(' ').Length;

    private static bool StartsWithDetailsTag(ReadOnlySpan<char> text) =>
        text.StartsWith("<") && FirstMatch(DetailsTag(), text[..Math.Min(text.Length, MaxTagScan)]).Index == 0;

    private static (int Index, int Length) FirstMatch(Regex regex, ReadOnlySpan<char> text)
    {
        foreach (var match in regex.EnumerateMatches(text))
        {
            return (match.Index, match.Length);
        }

        return (-1, 0);
    }

    [GeneratedRegex(@"<details(?=[\s>])[^>]*>|</details\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DetailsTag();

    [GeneratedRegex(@"^<summary(?=[\s>])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SummaryOpen();

    [GeneratedRegex(@"</summary\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SummaryClose();
}
