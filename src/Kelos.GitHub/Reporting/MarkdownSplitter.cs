namespace Kelos.GitHub.Reporting;

/// <summary>
/// Cuts a Markdown body into parts of at most a budget of characters, each of which renders on its own: every code
/// fence and <c>&lt;details&gt;</c> block open where a part ends is closed there and reopened at the start of the next
/// part (<see cref="MarkdownScaffold"/>). Parts end at line breaks, preferably after a blank line outside any block,
/// then after a blank line outside any fence, then after a blank line in a fence, then after any line — whichever of
/// these comes first in that order and still fills at least half of the part. Failing that, the line running past
/// the part's end is long: it is cut where the part is full, never inside a UTF-16 surrogate pair or a CRLF.
/// Parts are produced one at a time, so taking the first reads no further than it needs.
/// </summary>
internal static class MarkdownSplitter
{
    private const int BlankOutside = 0;
    private const int BlankInDetails = 1;
    private const int BlankInFence = 2;
    private const int AnyLine = 3;

    // How far back from where a part is full a long line is cut after a space, or else where it is safe to.
    private const int WordLookBack = 80;
    private const int SafeLookBack = 16;

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
            var (end, after) = NextBreak(markdown, position, reopened, room, newline);
            var content = markdown[position..end];
            var closing = MarkdownScaffold.Closing(after, newline, afterPartialLine: !content.EndsWith('\n'));
            yield return new MarkdownPart(opening, content, closing);
            (position, open) = (end, after);
        }
    }

    /// <summary>The line break of the lines a split adds: CRLF when the body has any, LF otherwise.</summary>
    public static string NewlineOf(string markdown) => markdown.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

    /// <summary>
    /// Where the part that starts at <paramref name="position"/> ends, and what is open there. When no line break
    /// fills half the part, the line running past the part's end is long: the part takes the lines before it and as
    /// much of it as fits.
    /// </summary>
    private static (int End, MarkdownOpenBlock? Open) NextBreak(string markdown, int position, MarkdownOpenBlock? open, int room, string newline)
    {
        // best[r]: the latest break of rank r or better.
        var best = new (int End, MarkdownOpenBlock? Open)?[AnyLine + 1];
        var start = open;
        var limit = Math.Min(markdown.Length, position + room);
        var lineStart = position;
        while (lineStart < limit)
        {
            var newlineAt = markdown.IndexOf('\n', lineStart, limit - lineStart);
            if (newlineAt < 0 && limit < markdown.Length)
            {
                break;
            }

            var lineEnd = newlineAt < 0 ? markdown.Length : newlineAt + 1;
            var line = markdown.AsSpan(lineStart, lineEnd - lineStart).TrimEnd('\n');
            var after = MarkdownBlockScanner.Scan(open, line);
            var closing = MarkdownScaffold.ClosingLength(after, newline, afterPartialLine: newlineAt < 0);
            if (lineEnd - position + closing <= room)
            {
                if (lineEnd == markdown.Length)
                {
                    return (lineEnd, after);
                }

                var rank = !MarkdownBlockScanner.IsBlank(line) ? AnyLine
                    : after is null ? BlankOutside
                    : after.IsFence ? BlankInFence
                    : BlankInDetails;
                for (var r = rank; r < best.Length; r++)
                {
                    best[r] = (lineEnd, after);
                }
            }

            (lineStart, open) = (lineEnd, after);
        }

        foreach (var candidate in best)
        {
            if (candidate is { } found && found.End - position >= room / 2)
            {
                return found;
            }
        }

        if (lineStart < limit && Cut(markdown, lineStart, open, room - (lineStart - position), newline) is { } cut)
        {
            return cut;
        }

        // Only when a closing grew too long for the part (a long fence opened in it): the best break there is, or a
        // piece of the first line. Reopen keeps the scaffolding within half the budget, so one character always fits.
        return best[AnyLine]
            ?? Cut(markdown, position, start, room, newline)
            ?? throw new InvalidOperationException("No piece fits in a part: the budget is too small for the blocks it reopens.");
    }

    /// <summary>
    /// The longest piece of the line at <paramref name="lineStart"/> that fits in <paramref name="room"/> with the lines
    /// closing what it leaves open (a piece standing on a line of its own may itself look like a fence or a tag), or
    /// null when not even one character fits.
    /// </summary>
    private static (int End, MarkdownOpenBlock? Open)? Cut(string markdown, int lineStart, MarkdownOpenBlock? open, int room, string newline)
    {
        var window = Math.Min(markdown.Length - lineStart, room);
        if (window < 1)
        {
            return null;
        }

        var newlineAt = markdown.IndexOf('\n', lineStart, window);
        var longest = Math.Max(1, newlineAt < 0 ? window : newlineAt - lineStart);

        var first = Math.Clamp(room - MarkdownScaffold.ClosingLength(open, newline, afterPartialLine: true), 1, longest);
        if (Fits(first, out var piece))
        {
            return piece;
        }

        // The piece opened a fence or a <details> whose closing no longer fits: the longest that does.
        if (!Fits(1, out piece))
        {
            return null;
        }

        var (low, high) = (1, first - 1);
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
            length = CutLength(markdown, lineStart, length);
            var after = MarkdownBlockScanner.Scan(open, markdown.AsSpan(lineStart, length));
            cut = (lineStart + length, after);
            return length <= window && length + MarkdownScaffold.ClosingLength(after, newline, afterPartialLine: true) <= room;
        }
    }

    /// <summary>
    /// Where to cut a line at most <paramref name="length"/> characters after <paramref name="lineStart"/>: preferably
    /// after a space, close before the limit; otherwise as close to it as possible where the rest, starting a line of
    /// its own in the next part, does not start with a space, a tag or a fence character (it would read as one); never
    /// between the halves of a surrogate pair or between CR and LF.
    /// </summary>
    private static int CutLength(string markdown, int lineStart, int length)
    {
        for (var back = 0; back < WordLookBack && back < length; back++)
        {
            if (markdown[lineStart + length - back - 1] == ' ' && IsSafeCut(markdown, lineStart + length - back))
            {
                return length - back;
            }
        }

        for (var back = 0; back < SafeLookBack && back < length; back++)
        {
            if (IsSafeCut(markdown, lineStart + length - back))
            {
                return length - back;
            }
        }

        var end = lineStart + length;
        var split = end < markdown.Length
            && ((char.IsHighSurrogate(markdown[end - 1]) && char.IsLowSurrogate(markdown[end])) || (markdown[end - 1] == '\r' && markdown[end] == '\n'));
        return !split ? length : length > 1 ? length - 1 : length + 1;
    }

    private static bool IsSafeCut(string markdown, int end) =>
        end >= markdown.Length
        || (!(char.IsHighSurrogate(markdown[end - 1]) && char.IsLowSurrogate(markdown[end]))
            && markdown[end - 1] != '\r'
            && markdown[end] is not (' ' or '\t' or '<' or '`' or '~'));
}
