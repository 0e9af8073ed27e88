namespace Kelos.Core.Commands;

/// <summary>
/// Finds the lines of a Markdown comment on which a command may start: not inside a fenced code block, not a quoted
/// (<c>&gt;</c>) line, and not starting inside an inline code span that a previous line of the paragraph opened.
/// </summary>
/// <remarks>
/// Fences (three or more <c>`</c> or <c>~</c>, with an info string or not) are recognised at any indentation, so a
/// fence nested in a list item counts too; a fence closes with a run of the same character at least as long, and an
/// unclosed fence runs to the end of the comment. Quoting is judged line by line: a line after a quote that does not
/// itself start with <c>&gt;</c> is not quoted. Indented (four-space) code blocks and HTML blocks (<c>&lt;pre&gt;</c>)
/// are not recognised: quote an example command with a fence or backticks.
/// </remarks>
internal static class ProseLines
{
    /// <summary>The 0-based indices of the lines where a command may start, in order.</summary>
    public static IReadOnlyList<int> Find(IReadOnlyList<string> lines)
    {
        var result = new List<int>();
        var paragraph = new List<int>();
        (char Marker, int Length)? fence = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (fence is { } open)
            {
                if (IsClosingFence(line, open.Marker, open.Length))
                {
                    fence = null;
                }

                continue;
            }

            var opensFence = TryOpenFence(line, out var opened);
            if (opensFence || line.AsSpan().Trim().IsEmpty || line.TrimStart().StartsWith('>'))
            {
                fence = opensFence ? opened : null;
                AddOutsideCodeSpans(lines, paragraph, result);
                paragraph.Clear();
                continue;
            }

            paragraph.Add(i);
        }

        AddOutsideCodeSpans(lines, paragraph, result);
        return result;
    }

    private static void AddOutsideCodeSpans(IReadOnlyList<string> lines, List<int> paragraph, List<int> result)
    {
        if (paragraph.Count == 0)
        {
            return;
        }

        var text = string.Join('\n', paragraph.Select(i => lines[i]));
        var spans = CodeSpans.Find(text);
        var offset = 0;
        foreach (var index in paragraph)
        {
            var lineStart = offset;
            if (!spans.Any(s => s.Start < lineStart && lineStart < s.End))
            {
                result.Add(index);
            }

            offset += lines[index].Length + 1;
        }
    }

    private static bool TryOpenFence(string line, out (char Marker, int Length) fence)
    {
        var text = line.TrimStart();
        fence = default;
        if (text.Length < 3 || text[0] is not ('`' or '~'))
        {
            return false;
        }

        var marker = text[0];
        var length = RunLength(text, marker);
        if (length < 3 || (marker == '`' && text.IndexOf('`', length) >= 0))
        {
            return false;
        }

        fence = (marker, length);
        return true;
    }

    private static bool IsClosingFence(string line, char marker, int openingLength)
    {
        var text = line.Trim();
        return text.Length >= openingLength && RunLength(text, marker) == text.Length;
    }

    private static int RunLength(string text, char c)
    {
        var length = 0;
        while (length < text.Length && text[length] == c)
        {
            length++;
        }

        return length;
    }
}
