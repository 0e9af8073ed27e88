using Kelos.Core.Text;

namespace Kelos.Core.Commands;

/// <summary>
/// Finds the commands in a comment. The grammar:
/// <code>
/// /kelos &lt;verb&gt; [--agent TYPE] [--model M] [--] [text…]
/// @&lt;app-slug&gt; [--agent TYPE] [--model M] [text…]      (at the start of the comment: verb run)
/// </code>
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A command starts a line, after any spaces or tabs; <c>/kelos</c> and the verb are case-insensitive (the verb
/// is lower-cased) and <c>/kelos</c> must be followed by white space or the end of the line. One command per line,
/// any number per comment; a bare <c>/kelos</c> is <c>help</c>. The text is the rest of the line.</item>
/// <item>Lines in fenced code blocks, quoted (<c>&gt;</c>) lines, and lines that start inside an inline code span are
/// skipped (see <see cref="ProseLines"/>). Hidden text is stripped first (<see cref="HiddenText"/>), so a command in an
/// HTML comment does not count and an invisible character cannot disguise one. CRLF and trailing spaces are fine.</item>
/// <item>Options come before the text, as <c>--agent codex</c> or <c>--agent=codex</c>. An unknown option, a missing
/// or repeated value, or an <c>--agent</c> that is not an agent type gives a command with an
/// <see cref="SlashCommand.Error"/>; an option-like word after the text has started is text.</item>
/// <item>A comment that starts with a mention of the App (<c>@slug</c> or <c>@slug[bot]</c>, case-insensitive, then
/// white space, <c>,</c> or <c>:</c>) is one <c>run</c> command whose text is the whole rest of the comment; other
/// lines of that comment are not read as commands. A mention with nothing after it is <c>help</c>.</item>
/// </list>
/// </remarks>
public static class SlashCommandParser
{
    /// <summary>The command prefix.</summary>
    public const string Prefix = "/kelos";

    /// <summary>The commands of <paramref name="body"/> in order of their lines.</summary>
    /// <param name="body">The comment as GitHub delivered it.</param>
    /// <param name="appSlug">The App's slug for the mention form; null to recognise only <c>/kelos</c>.</param>
    public static IReadOnlyList<SlashCommand> Parse(string body, string? appSlug)
    {
        ArgumentNullException.ThrowIfNull(body);
        var lines = HiddenText.Strip(body, keepLineBreaks: true).ReplaceLineEndings("\n").Split('\n');
        if (TryParseMention(lines, appSlug) is { } mention)
        {
            return [mention];
        }

        var commands = new List<SlashCommand>();
        foreach (var index in ProseLines.Find(lines))
        {
            var text = lines[index].TrimStart(' ', '\t');
            if (text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
                && (text.Length == Prefix.Length || char.IsWhiteSpace(text[Prefix.Length])))
            {
                commands.Add(CommandArguments.ParseCommand(text[Prefix.Length..], index + 1));
            }
        }

        return commands;
    }

    private static SlashCommand? TryParseMention(string[] lines, string? appSlug)
    {
        if (string.IsNullOrEmpty(appSlug))
        {
            return null;
        }

        var first = Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        if (first < 0)
        {
            return null;
        }

        var line = lines[first].TrimStart();
        var length = MentionLength(line, appSlug);
        if (length == 0)
        {
            return null;
        }

        var rest = string.Join('\n', [line[length..], .. lines.Skip(first + 1)]);
        return CommandArguments.ParseMention(rest, first + 1);
    }

    /// <summary>The length of <c>@slug</c> or <c>@slug[bot]</c> and one following <c>,</c> or <c>:</c>; 0 when the line
    /// does not start with a mention of the App.</summary>
    private static int MentionLength(string line, string appSlug)
    {
        var mention = "@" + appSlug;
        if (!line.StartsWith(mention, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var length = mention.Length;
        const string BotSuffix = "[bot]";
        if (line.AsSpan(length).StartsWith(BotSuffix, StringComparison.OrdinalIgnoreCase))
        {
            length += BotSuffix.Length;
        }

        if (length < line.Length && line[length] is ',' or ':')
        {
            length++;
        }

        return length == line.Length || char.IsWhiteSpace(line[length]) ? length : 0;
    }
}
