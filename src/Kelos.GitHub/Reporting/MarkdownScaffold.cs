using System.Text;

namespace Kelos.GitHub.Reporting;

/// <summary>
/// The lines a split adds around a slice of a comment body: those that close the blocks still open at the end of a
/// part (innermost first: a fence of the opening's character and length, then <c>&lt;/details&gt;</c>), and those
/// that reopen them at the start of the next (outermost first: the fence's opening line, or the
/// <c>&lt;details …&gt;</c> tag and its summary followed by a blank line).
/// </summary>
internal static class MarkdownScaffold
{
    /// <summary>
    /// The lines that reopen <paramref name="open"/>, and the blocks the part then starts inside. The scaffolding of a
    /// part (reopening and closing) takes at most half of <paramref name="budget"/>, so every part carries content:
    /// headers too long for that are reopened bare (a fence without its info string, a <c>&lt;details&gt;</c> without
    /// its summary), and nesting too deep even for that is not reopened at all (the part then starts outside any block).
    /// </summary>
    public static (string Opening, MarkdownOpenBlock? Open) Reopen(MarkdownOpenBlock? open, string newline, int budget)
    {
        if (open is null)
        {
            return ("", null);
        }

        var closing = ClosingLength(open, newline, afterPartialLine: true);
        if (open.FullChars + (open.FullLines * newline.Length) + closing <= budget / 2)
        {
            return (Opening(open, newline, bare: false), open);
        }

        if (open.BareChars + (open.BareLines * newline.Length) + closing <= budget / 2)
        {
            return (Opening(open, newline, bare: true), open);
        }

        return ("", null);
    }

    /// <summary>
    /// The length of <see cref="Closing"/>; <paramref name="afterPartialLine"/> when the content before it does not end
    /// with a line break, so the closing lines start with one.
    /// </summary>
    public static int ClosingLength(MarkdownOpenBlock? open, string newline, bool afterPartialLine) => open is null
        ? 0
        : open.CloseChars + (open.CloseLines * newline.Length) + (afterPartialLine ? newline.Length : 0);

    public static string Closing(MarkdownOpenBlock? open, string newline, bool afterPartialLine)
    {
        if (open is null)
        {
            return "";
        }

        var text = new StringBuilder(ClosingLength(open, newline, afterPartialLine));
        if (afterPartialLine)
        {
            text.Append(newline);
        }

        for (var block = open; block is not null; block = block.Parent)
        {
            if (block.IsFence)
            {
                text.Append(block.FenceChar, block.FenceLength);
            }
            else
            {
                text.Append(MarkdownOpenBlock.DetailsClose);
            }

            text.Append(newline);
        }

        return text.ToString();
    }

    private static string Opening(MarkdownOpenBlock open, string newline, bool bare)
    {
        var text = new StringBuilder();
        foreach (var block in open.OutermostFirst())
        {
            if (block.IsFence)
            {
                text.Append(bare ? new string(block.FenceChar, block.FenceLength) : block.Header[0]).Append(newline);
                continue;
            }

            if (bare)
            {
                text.Append(MarkdownOpenBlock.BareDetails).Append(newline);
            }
            else
            {
                foreach (var line in block.Header)
                {
                    text.Append(line).Append(newline);
                }
            }

            text.Append(newline);
        }

        return text.ToString();
    }
}
