using System.Globalization;
using System.Text;

namespace Kelos.Core.Text;

/// <summary>
/// Removes text a reader of GitHub does not see but an agent would: a prompt-injection channel. Applied to every
/// issue, pull request, comment and label text before it reaches a template, and before commands are parsed.
/// </summary>
/// <remarks>
/// <para>Removed:</para>
/// <list type="bullet">
/// <item>HTML comments <c>&lt;!-- … --&gt;</c> (also <c>&lt;!--&gt;</c> and <c>&lt;!---&gt;</c>); an unterminated one runs
/// to the end of the text. They are removed everywhere, inside code blocks too, where GitHub would show them:
/// failing safe costs a few characters of an example.</item>
/// <item>Every format character (Unicode category Cf), which covers zero-width space, non-joiner and joiner
/// (U+200B–U+200D), word joiner and invisible operators (U+2060–U+2064), the byte order mark (U+FEFF), soft hyphen
/// (U+00AD), the bidi marks and controls (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069) and the tag
/// characters (U+E0000–U+E007F, "ASCII smuggling"). None is kept: the joiners matter for emoji sequences and some
/// scripts' shaping, never for meaning.</item>
/// <item>Variation selectors (U+FE00–U+FE0F, U+E0100–U+E01EF), which can carry arbitrary bytes after any character;
/// an emoji then shows in its default presentation.</item>
/// <item>Invisible letters and marks used to smuggle text: the combining grapheme joiner (U+034F), the Hangul fillers
/// (U+115F, U+1160, U+3164, U+FFA0) and the Mongolian vowel separator (U+180E).</item>
/// <item>Control characters (category Cc) other than tab, line feed and carriage return.</item>
/// </list>
/// <para>Kept: everything visible, including Markdown and HTML such as <c>&lt;details&gt;</c>, and line breaks.</para>
/// </remarks>
public static class HiddenText
{
    private const string CommentOpen = "<!--";
    private const string CommentClose = "-->";

    /// <summary>The text without HTML comments and invisible characters.</summary>
    public static string Strip(string text) => Strip(text, keepLineBreaks: false);

    /// <summary>
    /// As <see cref="Strip(string)"/>; with <paramref name="keepLineBreaks"/> the line breaks inside a removed HTML
    /// comment are kept, so that line numbers of what follows still match the original text.
    /// </summary>
    public static string Strip(string text, bool keepLineBreaks)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf(CommentOpen, position, StringComparison.Ordinal);
            var visibleEnd = open < 0 ? text.Length : open;
            AppendVisible(builder, text.AsSpan(position, visibleEnd - position));
            if (open < 0)
            {
                break;
            }

            // Searching from "<!" lets "<!-->" and "<!--->" close themselves, as CommonMark reads them.
            var close = text.IndexOf(CommentClose, open + 2, StringComparison.Ordinal);
            var end = close < 0 ? text.Length : close + CommentClose.Length;
            if (keepLineBreaks)
            {
                AppendLineBreaks(builder, text.AsSpan(open, end - open));
            }

            position = end;
        }

        return builder.ToString();
    }

    /// <summary>True when the character (a whole code point) is one <see cref="Strip(string)"/> removes.</summary>
    public static bool IsHidden(Rune rune)
    {
        var value = rune.Value;
        if (value is '\t' or '\n' or '\r')
        {
            return false;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Control
            || value is >= 0xFE00 and <= 0xFE0F
            || value is >= 0xE0100 and <= 0xE01EF
            || value is 0x034F or 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x180E;
    }

    private static void AppendVisible(StringBuilder builder, ReadOnlySpan<char> text)
    {
        Span<char> buffer = stackalloc char[2];
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsHidden(rune))
            {
                builder.Append(buffer[..rune.EncodeToUtf16(buffer)]);
            }
        }
    }

    private static void AppendLineBreaks(StringBuilder builder, ReadOnlySpan<char> comment)
    {
        for (var i = 0; i < comment.Length; i++)
        {
            if (comment[i] == '\n')
            {
                builder.Append('\n');
            }
            else if (comment[i] == '\r')
            {
                builder.Append('\r');
            }
        }
    }
}
