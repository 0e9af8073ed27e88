namespace Kelos.Core.Templating;

/// <summary>
/// Finds the <c>{{ … }}</c> actions of a template. Quoted strings and Go comments are skipped, so a <c>}}</c> inside
/// them does not end the action.
/// </summary>
internal static class TemplateActionScanner
{
    public static IReadOnlyList<TemplateAction> Scan(string text)
    {
        var actions = new List<TemplateAction>();
        var position = 0;
        while (true)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                return actions;
            }

            var bodyStart = open + 2;
            var close = FindClose(text, bodyStart);
            var closed = close >= 0;
            var bodyEnd = closed ? close : text.Length;
            var end = closed ? close + 2 : text.Length;
            var (line, column) = PositionOf(text, open);
            actions.Add(MakeAction(text, open, end, line, column, bodyStart, bodyEnd, closed));
            if (!closed)
            {
                return actions;
            }

            position = end;
        }
    }

    /// <summary>1-based line and column of an offset.</summary>
    public static (int Line, int Column) PositionOf(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    private static TemplateAction MakeAction(string text, int open, int end, int line, int column, int bodyStart, int bodyEnd, bool closed)
    {
        var body = text[bodyStart..bodyEnd];
        var trimLeft = body.Length >= 2 && body[0] == '-' && char.IsWhiteSpace(body[1]);
        var trimRight = closed && body.Length >= 2 && body[^1] == '-' && char.IsWhiteSpace(body[^2]);
        if (trimLeft)
        {
            body = body[1..];
        }

        if (trimRight)
        {
            body = body[..^1];
        }

        return new TemplateAction(open, end, line, column, body.Trim(), trimLeft, trimRight, closed);
    }

    private static int FindClose(string text, int from)
    {
        var i = from;
        while (i < text.Length && (text[i] is '-' or '~' || char.IsWhiteSpace(text[i])))
        {
            i++;
        }

        if (i < text.Length && text[i] == '#')
        {
            // A Scriban comment may hold an apostrophe ({{# don't }}): it ends at the first }}.
            return text.IndexOf("}}", i, StringComparison.Ordinal);
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                return i;
            }

            if (c is '"' or '\'' or '`')
            {
                i = SkipQuoted(text, i);
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var endComment = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = endComment < 0 ? text.Length : endComment + 2;
                continue;
            }

            i++;
        }

        return -1;
    }

    private static int SkipQuoted(string text, int start)
    {
        var quote = text[start];
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && quote != '`')
            {
                i += 2;
                continue;
            }

            if (c == quote)
            {
                return i + 1;
            }

            // A Go or Scriban string never spans lines (raw strings aside): stop so a stray quote cannot swallow the text.
            if (c == '\n' && quote != '`')
            {
                return i;
            }

            i++;
        }

        return text.Length;
    }
}
