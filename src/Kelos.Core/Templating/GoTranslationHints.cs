namespace Kelos.Core.Templating;

/// <summary>What to write in Scriban instead of a Go template action outside the supported subset.</summary>
internal static class GoTranslationHints
{
    public const string LanguageDocs = "https://github.com/scriban/scriban/blob/master/doc/language.md";

    private static readonly string Generic = $"write it in Scriban instead (see {LanguageDocs})";

    public static string For(IReadOnlyList<GoToken> tokens, string dot)
    {
        if (tokens.Count == 0)
        {
            return "an empty action has nothing to print; remove it";
        }

        var first = tokens[0];
        if (first.Kind == GoTokenKind.Identifier && first.Text is "define" or "template" or "block")
        {
            return $"named templates ({first.Text}) are not supported in prompts; write the text inline";
        }

        if (tokens.Any(t => t.Kind == GoTokenKind.Variable))
        {
            return RangeWithVariablesHint(tokens, dot)
                ?? "Go variables ($x) are not supported; in Scriban assign with {{ x = … }} and loop with {{ for item in list }}";
        }

        if (tokens.Any(t => t.Kind == GoTokenKind.Pipe))
        {
            return $"Go pipes (|) are not supported; Scriban has pipes of its own with other functions, e.g. {{{{ title | string.upcase }}}} ({LanguageDocs})";
        }

        var writer = new GoExpressionWriter(dot, forHint: true);
        var keyword = KeywordOf(tokens);
        var rest = tokens.Skip(keyword.Split(' ').Length).ToList();
        var expression = writer.Write(keyword.Length == 0 ? tokens : rest);
        if (expression is null)
        {
            return Generic;
        }

        return keyword switch
        {
            "" => $"write it in Scriban, e.g. {{{{ {expression} }}}}",
            "range" => $"write it in Scriban, e.g. {{{{ for item in {expression} }}}}",
            "with" => $"write it in Scriban, e.g. {{{{ if {expression} }}}}",
            _ => $"write it in Scriban, e.g. {{{{ {keyword} {expression} }}}}",
        };
    }

    private static string KeywordOf(IReadOnlyList<GoToken> tokens)
    {
        if (tokens[0].Is("else") && tokens.Count > 1 && tokens[1].Is("if"))
        {
            return "else if";
        }

        return tokens[0].Is("if") || tokens[0].Is("with") || tokens[0].Is("range") ? tokens[0].Text : "";
    }

    /// <summary><c>range $i, $e := .Items</c> → <c>for e in items</c>.</summary>
    private static string? RangeWithVariablesHint(IReadOnlyList<GoToken> tokens, string dot)
    {
        if (!tokens[0].Is("range") || tokens[^1].Kind is not (GoTokenKind.Field or GoTokenKind.Dot))
        {
            return null;
        }

        var element = tokens.Where(t => t.Kind == GoTokenKind.Variable).Select(t => t.Text.TrimStart('$')).LastOrDefault();
        var source = new GoExpressionWriter(dot, forHint: true).Write([tokens[^1]]);
        if (string.IsNullOrEmpty(element) || source is null)
        {
            return null;
        }

        return $"write it in Scriban, e.g. {{{{ for {element} in {source} }}}}…{{{{ {element} }}}}…{{{{ end }}}} (for.index is the position)";
    }
}
