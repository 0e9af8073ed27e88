using System.Text;

namespace Kelos.Core.Templating;

/// <summary>Splits the body of a Go <c>text/template</c> action into tokens. Lenient: unknown characters become <see cref="GoTokenKind.Other"/>.</summary>
internal static class GoTokenizer
{
    public static IReadOnlyList<GoToken> Tokenize(string body)
    {
        var tokens = new List<GoToken>();
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            var separate = start == 0 || char.IsWhiteSpace(body[start - 1]) || body[start - 1] == '(';
            var kind = Classify(body, ref i);
            var text = body[start..i];
            var value = kind == GoTokenKind.String ? Unquote(text) : text;
            tokens.Add(new GoToken(kind, text, value, separate));
        }

        return tokens;
    }

    private static GoTokenKind Classify(string body, ref int i)
    {
        var c = body[i];
        switch (c)
        {
            case '/' when At(body, i + 1) == '*':
                var close = body.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? body.Length : close + 2;
                return GoTokenKind.Comment;
            case '"' or '\'' or '`':
                i = SkipQuoted(body, i);
                return GoTokenKind.String;
            case '|':
                i++;
                return GoTokenKind.Pipe;
            case '(':
                i++;
                return GoTokenKind.LeftParen;
            case ')':
                i++;
                return GoTokenKind.RightParen;
            case ',' or '=':
                i++;
                return GoTokenKind.Assign;
            case ':' when At(body, i + 1) == '=':
                i += 2;
                return GoTokenKind.Assign;
            case '.':
                var dot = i;
                i = SkipNameChain(body, i);
                return i - dot == 1 ? GoTokenKind.Dot : GoTokenKind.Field;
            case '$':
                i = SkipNameChain(body, i + 1);
                return GoTokenKind.Variable;
        }

        if (char.IsDigit(c) || (c is '-' or '+' && char.IsDigit(At(body, i + 1))))
        {
            i++;
            while (i < body.Length && (char.IsLetterOrDigit(body[i]) || body[i] is '.' or '_' or '+' or '-'))
            {
                i++;
            }

            return GoTokenKind.Number;
        }

        if (IsNameChar(c))
        {
            i = SkipNameChain(body, i);
            return GoTokenKind.Identifier;
        }

        i++;
        return GoTokenKind.Other;
    }

    /// <summary>Skips <c>name(.name)*</c> (or <c>.name(.name)*</c> when at a dot).</summary>
    private static int SkipNameChain(string body, int i)
    {
        while (i < body.Length && (IsNameChar(body[i]) || body[i] == '.'))
        {
            i++;
        }

        return i;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static char At(string body, int i) => i < body.Length ? body[i] : '\0';

    private static int SkipQuoted(string body, int start)
    {
        var quote = body[start];
        var i = start + 1;
        while (i < body.Length)
        {
            if (body[i] == '\\' && quote != '`')
            {
                i += 2;
                continue;
            }

            if (body[i] == quote)
            {
                return i + 1;
            }

            i++;
        }

        return body.Length;
    }

    private static string Unquote(string literal)
    {
        if (literal.Length < 2)
        {
            return literal;
        }

        var inner = literal[1..^1];
        if (literal[0] == '`')
        {
            return inner;
        }

        var builder = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] != '\\' || i + 1 >= inner.Length)
            {
                builder.Append(inner[i]);
                continue;
            }

            i++;
            builder.Append(inner[i] switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                _ => inner[i],
            });
        }

        return builder.ToString();
    }
}
