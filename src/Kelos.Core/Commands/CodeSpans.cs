namespace Kelos.Core.Commands;

/// <summary>
/// Inline code spans of a Markdown paragraph, as CommonMark finds them: a run of N backticks opens a span that the
/// next run of exactly N backticks closes; a run that is never closed is literal text. Spans may cross lines.
/// </summary>
internal static class CodeSpans
{
    /// <summary>Each span from its opening backtick (inclusive) to after its closing run (exclusive).</summary>
    public static IReadOnlyList<(int Start, int End)> Find(string paragraph)
    {
        var spans = new List<(int Start, int End)>();
        var i = 0;
        while (i < paragraph.Length)
        {
            if (paragraph[i] != '`')
            {
                i++;
                continue;
            }

            var length = Run(paragraph, i);
            var close = FindClosingRun(paragraph, i + length, length);
            if (close < 0)
            {
                i += length;
                continue;
            }

            spans.Add((i, close + length));
            i = close + length;
        }

        return spans;
    }

    private static int FindClosingRun(string text, int from, int length)
    {
        var i = from;
        while (i < text.Length)
        {
            if (text[i] != '`')
            {
                i++;
                continue;
            }

            var run = Run(text, i);
            if (run == length)
            {
                return i;
            }

            i += run;
        }

        return -1;
    }

    private static int Run(string text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] == '`')
        {
            end++;
        }

        return end - start;
    }
}
