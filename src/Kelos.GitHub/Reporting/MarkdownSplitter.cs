namespace Kelos.GitHub.Reporting;

/// <summary>
/// Cuts a Markdown body into parts of at most a budget of characters, each of which renders on its own: every code
/// fence and <c>&lt;details&gt;</c> block open where a part ends is closed there and reopened at the start of the next
/// part (<see cref="MarkdownScaffold"/>). Parts end at line breaks, preferably after a blank line outside any block,
/// then after a blank line outside any fence, then after a blank line in a fence, then after any line — whichever of
/// these comes first in that order and still fills at least half of the part; failing that, the latest line break
/// that fits. A line too long for a part on its own is cut, never inside a UTF-16 surrogate pair or a CRLF.
/// Parts are produced one at a time, so taking the first reads no further than it needs.
/// </summary>
internal static class MarkdownSplitter
{
    private const int BlankOutside = 0;
    private const int BlankInDetails = 1;
    private const int BlankInFence = 2;
    private const int AnyLine = 3;

    public static IEnumerable<MarkdownPart> Split(string markdown, int budget)
    {
        if (markdown.Length <= budget)
        {
            yield return new MarkdownPart("", markdown, "");
            yield break;
        }

        var newline = NewlineOf(markdown);
        var position = 0;
        MarkdownOpenBlock? open = null;
        while (position < markdown.Length)
        {
            var (opening, reopened) = MarkdownScaffold.Reopen(open, newline, budget);
            var room = budget - opening.Length;
            var (end, after) = FindBreak(markdown, position, reopened, room, newline) ?? Cut(markdown, position, reopened, room, newline);
            var content = markdown[position..end];
            var closing = MarkdownScaffold.Closing(after, newline, afterPartialLine: !content.EndsWith('\n'));
            yield return new MarkdownPart(opening, content, closing);
            (position, open) = (end, after);
        }
    }

    /// <summary>The line break of the lines a split adds: CRLF when the body has any, LF otherwise.</summary>
    public static string NewlineOf(string markdown) => markdown.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

    /// <summary>The best line break for a part that starts at <paramref name="position"/>, or null if even the first line does not fit.</summary>
    private static (int End, MarkdownOpenBlock? Open)? FindBreak(string markdown, int position, MarkdownOpenBlock? open, int room, string newline)
    {
        // best[r]: the latest break of rank r or better.
        var best = new (int End, MarkdownOpenBlock? Open)?[AnyLine + 1];
        var limit = Math.Min(markdown.Length, position + room);
        for (var lineStart = position; lineStart < limit;)
        {
            var newlineAt = markdown.IndexOf('\n', lineStart, limit - lineStart);
            if (newlineAt < 0 && limit < markdown.Length)
            {
                break;
            }

            var lineEnd = newlineAt < 0 ? markdown.Length : newlineAt + 1;
            var line = markdown.AsSpan(lineStart, lineEnd - lineStart).TrimEnd('\n');
            open = MarkdownBlockScanner.Scan(open, line);
            var closing = MarkdownScaffold.ClosingLength(open, newline, afterPartialLine: newlineAt < 0);
            if (lineEnd - position + closing <= room)
            {
                if (lineEnd == markdown.Length)
                {
                    return (lineEnd, open);
                }

                var rank = !MarkdownBlockScanner.IsBlank(line) ? AnyLine
                    : open is null ? BlankOutside
                    : open.IsFence ? BlankInFence
                    : BlankInDetails;
                for (var r = rank; r < best.Length; r++)
                {
                    best[r] = (lineEnd, open);
                }
            }

            lineStart = lineEnd;
        }

        foreach (var candidate in best)
        {
            if (candidate is { } found && found.End - position >= room / 2)
            {
                return found;
            }
        }

        return best[AnyLine];
    }

    /// <summary>
    /// The longest piece of the line at <paramref name="position"/> that fits with the lines closing what it leaves
    /// open (the piece itself may look like a fence or a tag once it stands on a line of its own).
    /// </summary>
    private static (int End, MarkdownOpenBlock? Open) Cut(string markdown, int position, MarkdownOpenBlock? open, int room, string newline)
    {
        var window = Math.Min(markdown.Length - position, room);
        var newlineAt = markdown.IndexOf('\n', position, window);
        var longest = Math.Max(1, newlineAt < 0 ? window : newlineAt - position);

        var first = Math.Clamp(room - MarkdownScaffold.ClosingLength(open, newline, afterPartialLine: true), 1, longest);
        if (Fits(first, out var piece))
        {
            return piece;
        }

        // Rare: the piece opened a fence or a <details> whose closing no longer fits. A 1-character piece always fits.
        var (low, high) = (1, first - 1);
        Fits(low, out piece);
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (Fits(middle, out var candidate))
            {
                (low, piece) = (middle, candidate);
            }
            else
            {
                high = middle - 1;
            }
        }

        return piece;

        bool Fits(int length, out (int End, MarkdownOpenBlock? Open) cut)
        {
            length = AvoidSplittingPairs(markdown, position, length);
            var after = MarkdownBlockScanner.Scan(open, markdown.AsSpan(position, length));
            cut = (position + length, after);
            return length + MarkdownScaffold.ClosingLength(after, newline, afterPartialLine: true) <= room;
        }
    }

    /// <summary>A piece length that does not end between the halves of a surrogate pair or between CR and LF.</summary>
    private static int AvoidSplittingPairs(string markdown, int position, int length)
    {
        var end = position + length;
        if (end >= markdown.Length)
        {
            return length;
        }

        var split = (char.IsHighSurrogate(markdown[end - 1]) && char.IsLowSurrogate(markdown[end]))
            || (markdown[end - 1] == '\r' && markdown[end] == '\n');
        return !split ? length : length > 1 ? length - 1 : length + 1;
    }
}
