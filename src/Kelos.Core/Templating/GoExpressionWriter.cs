using System.Text;

namespace Kelos.Core.Templating;

/// <summary>
/// Writes a Go template command as a Scriban expression. Field access and <c>index</c> are the supported subset;
/// with <c>forHint</c> the comparison and helper functions are written too, to show users the Scriban way.
/// </summary>
/// <param name="dot">The Scriban expression Go's <c>.</c> stands for: empty at the top level.</param>
/// <param name="forHint">Also write <c>eq</c>, <c>ne</c>, <c>lt</c>, <c>le</c>, <c>gt</c>, <c>ge</c>, <c>and</c>,
/// <c>or</c>, <c>not</c>, <c>len</c> and <c>printf</c>.</param>
internal sealed class GoExpressionWriter(string dot, bool forHint)
{
    private static readonly Dictionary<string, string> Comparisons = new(StringComparer.Ordinal)
    {
        ["eq"] = "==",
        ["ne"] = "!=",
        ["lt"] = "<",
        ["le"] = "<=",
        ["gt"] = ">",
        ["ge"] = ">=",
    };

    /// <summary>The Scriban expression, or null when the tokens are outside what this writer knows.</summary>
    public string? Write(IReadOnlyList<GoToken> tokens)
    {
        var position = 0;
        var expression = Command(tokens, ref position);
        return expression is not null && position == tokens.Count ? expression : null;
    }

    /// <summary>A Go field chain (<c>.Deps.scaffold.Results</c>) read from <paramref name="from"/>.</summary>
    public static string FieldPath(string from, string field)
    {
        var expression = from;
        foreach (var segment in field.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            expression = Member(expression, GoNames.IsExported(segment) ? GoNames.ToSnakeCase(segment) : segment);
        }

        return expression;
    }

    /// <summary>A Scriban double-quoted string literal.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private static string Member(string target, string name)
    {
        if (target.Length == 0)
        {
            return name;
        }

        return GoNames.IsScribanIdentifier(name) ? $"{target}.{name}" : $"{target}[{Quote(name)}]";
    }

    private string? Command(IReadOnlyList<GoToken> tokens, ref int i)
    {
        if (i >= tokens.Count)
        {
            return null;
        }

        var head = tokens[i];
        if (head.Kind != GoTokenKind.Identifier || !IsFunction(head.Text))
        {
            return Operand(tokens, ref i);
        }

        i++;
        var arguments = new List<(GoToken Token, string Expression)>();
        while (i < tokens.Count && tokens[i].Kind != GoTokenKind.RightParen)
        {
            var token = tokens[i];
            var expression = Operand(tokens, ref i);
            if (expression is null)
            {
                return null;
            }

            arguments.Add((token, expression));
        }

        return Call(head.Text, arguments);
    }

    private bool IsFunction(string name) =>
        name == "index" || (forHint && (Comparisons.ContainsKey(name) || name is "and" or "or" or "not" or "len" or "printf"));

    private string? Operand(IReadOnlyList<GoToken> tokens, ref int i)
    {
        var token = tokens[i];
        i++;
        switch (token.Kind)
        {
            case GoTokenKind.Dot:
                return dot.Length == 0 ? null : dot;
            case GoTokenKind.Field:
                return FieldPath(dot, token.Text);
            case GoTokenKind.String:
                return Quote(token.Value);
            case GoTokenKind.Number:
                return token.Text;
            case GoTokenKind.Identifier when token.Text is "true" or "false":
                return token.Text;
            case GoTokenKind.Identifier when token.Text == "nil":
                return "null";
            case GoTokenKind.LeftParen:
                var inner = Command(tokens, ref i);
                if (inner is null || i >= tokens.Count || tokens[i].Kind != GoTokenKind.RightParen)
                {
                    return null;
                }

                i++;
                return inner.Contains(' ', StringComparison.Ordinal) ? $"({inner})" : inner;
            default:
                return null;
        }
    }

    private static string? Call(string function, List<(GoToken Token, string Expression)> arguments)
    {
        if (function == "index")
        {
            return Index(arguments);
        }

        if (Comparisons.TryGetValue(function, out var op))
        {
            return arguments.Count == 2 ? $"{Wrap(arguments[0].Expression)} {op} {Wrap(arguments[1].Expression)}" : null;
        }

        return function switch
        {
            "and" when arguments.Count >= 2 => string.Join(" && ", arguments.Select(a => Wrap(a.Expression))),
            "or" when arguments.Count >= 2 => string.Join(" || ", arguments.Select(a => Wrap(a.Expression))),
            "not" when arguments.Count == 1 => "!" + Wrap(arguments[0].Expression),
            "len" when arguments.Count == 1 => Wrap(arguments[0].Expression) + ".size",
            "printf" when arguments.Count >= 1 && arguments[0].Token.Kind == GoTokenKind.String =>
                Printf(arguments[0].Token.Value, arguments.Skip(1).Select(a => a.Expression).ToList()),
            _ => null,
        };
    }

    private static string? Index(List<(GoToken Token, string Expression)> arguments)
    {
        if (arguments.Count < 2 || arguments[0].Token.Kind is not (GoTokenKind.Dot or GoTokenKind.Field))
        {
            return null;
        }

        var expression = arguments[0].Expression;
        foreach (var (token, key) in arguments.Skip(1))
        {
            expression = token.Kind == GoTokenKind.String
                ? IndexByName(expression, token.Value)
                : $"{expression}[{key}]";
        }

        return expression;
    }

    /// <summary>Keys that look like Go field names (<c>"Results"</c>) are snake_cased; others (<c>"scaffold"</c>) are kept.</summary>
    private static string IndexByName(string target, string key)
    {
        if (GoNames.IsExported(key))
        {
            var name = GoNames.ToSnakeCase(key);
            if (GoNames.IsScribanIdentifier(name))
            {
                return $"{target}.{name}";
            }
        }

        return $"{target}[{Quote(key)}]";
    }

    /// <summary><c>printf "%s-x" .Name</c> → <c>name + "-x"</c>, for <c>%s</c>, <c>%v</c> and <c>%d</c> only.</summary>
    private static string? Printf(string format, List<string> arguments)
    {
        var parts = new List<string>();
        var literal = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length)
            {
                literal.Append(format[i]);
                continue;
            }

            i++;
            if (format[i] == '%')
            {
                literal.Append('%');
                continue;
            }

            if (format[i] is not ('s' or 'v' or 'd') || next >= arguments.Count)
            {
                return null;
            }

            if (literal.Length > 0)
            {
                parts.Add(Quote(literal.ToString()));
                literal.Clear();
            }

            parts.Add(Wrap(arguments[next++]));
        }

        if (literal.Length > 0)
        {
            parts.Add(Quote(literal.ToString()));
        }

        return next == arguments.Count && parts.Count > 0 ? string.Join(" + ", parts) : null;
    }

    private static string Wrap(string expression) =>
        expression.Contains(' ', StringComparison.Ordinal) && !expression.StartsWith('"') && !expression.StartsWith('(')
            ? $"({expression})"
            : expression;
}
