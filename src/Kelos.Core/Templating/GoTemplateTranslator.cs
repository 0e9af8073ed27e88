using System.Text;

namespace Kelos.Core.Templating;

/// <summary>
/// Translates the common subset of Go <c>text/template</c> (upstream Kelos's prompt syntax) to Scriban:
/// <c>{{.Title}}</c>, <c>{{index .Deps "x" "Results" "branch"}}</c>, <c>{{if}}</c>/<c>{{else}}</c>/<c>{{end}}</c>,
/// <c>{{range}}</c> and <c>{{with}}</c> (where <c>.</c> is the element or value), comments and trim markers.
/// Go names are snake_cased (<c>RepositoryOwner</c> → <c>repository_owner</c>). <c>if</c> and <c>with</c> keep
/// Go's truth rules (an empty string, list or map is false). Anything else is rejected with the Scriban way to write it.
/// </summary>
public static class GoTemplateTranslator
{
    /// <summary>The function the translation calls for Go's truth rules; <see cref="PromptTemplate"/> provides it.</summary>
    internal const string TruthFunction = "go_truthy";

    /// <summary>True when any action of the text is written in Go template syntax.</summary>
    public static bool IsGoTemplate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return GoActionDetector.IsGoTemplate(TemplateActionScanner.Scan(text));
    }

    /// <summary>The Scriban text for a Go template. Literal text and line numbers are kept.</summary>
    /// <exception cref="PromptTemplateException">An action outside the supported subset, or unbalanced blocks.</exception>
    public static string Translate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var state = new Translation(text);
        var position = 0;
        foreach (var action in TemplateActionScanner.Scan(text))
        {
            state.Output.Append(text, position, action.Start - position);
            position = action.End;
            state.Output.Append(state.TranslateAction(action));
        }

        state.Output.Append(text, position, text.Length - position);
        state.EnsureClosed();
        return state.Output.ToString();
    }

    /// <summary>The state of one translation: the output so far, the open blocks and what <c>.</c> means.</summary>
    private sealed class Translation(string text)
    {
        private readonly Stack<GoBlock> blocks = new();
        private string dot = "";
        private TemplateAction? firstGoAction;

        public StringBuilder Output { get; } = new();

        public string TranslateAction(TemplateAction action)
        {
            if (!action.Closed)
            {
                throw Error(action, $"the action {Snippet(action)} is not closed with }}}}");
            }

            if (firstGoAction is null && GoActionDetector.IsGoAction(action))
            {
                firstGoAction = action;
            }

            var tokens = GoTokenizer.Tokenize(action.Body);
            if (tokens.Count == 1 && tokens[0].Kind == GoTokenKind.Comment)
            {
                // Keep the comment's line breaks so that later line numbers still match the source.
                var lineBreaks = action.SourceText(text).Count(c => c == '\n');
                return Wrap(action, lineBreaks == 0 ? " " : new string('\n', lineBreaks));
            }

            var code = tokens switch
            {
                [{ Text: "end", Kind: GoTokenKind.Identifier }] => End(action),
                [{ Text: "else", Kind: GoTokenKind.Identifier }] => Else(action),
                [{ Text: "else", Kind: GoTokenKind.Identifier }, { Text: "if", Kind: GoTokenKind.Identifier }, ..] => ElseIf(action, tokens),
                [{ Text: "if" or "with" or "range", Kind: GoTokenKind.Identifier }, ..] => Open(action, tokens),
                _ => Pipeline(action, tokens, tokens),
            };
            return Wrap(action, $" {code} ");
        }

        public void EnsureClosed()
        {
            if (blocks.Count > 0)
            {
                var open = blocks.Peek();
                throw Error(open.Opening, $"{Snippet(open.Opening)} has no matching {{{{end}}}}");
            }
        }

        private string End(TemplateAction action)
        {
            if (!blocks.TryPop(out var block))
            {
                throw Error(action, "{{end}} without an open {{if}}, {{with}} or {{range}}");
            }

            dot = block.OuterDot;
            return "end";
        }

        private string Else(TemplateAction action)
        {
            var block = OpenBlock(action, "{{else}}");
            block.InElse = true;

            // In the else branch of with and range, '.' is what it was outside the block.
            dot = block.OuterDot;
            return "else";
        }

        private string ElseIf(TemplateAction action, IReadOnlyList<GoToken> tokens)
        {
            var block = OpenBlock(action, "{{else if}}");
            if (block.Keyword != "if")
            {
                throw Unsupported(action, tokens);
            }

            return $"else if {TruthFunction}({Pipeline(action, tokens, tokens.Skip(2).ToList())})";
        }

        private string Open(TemplateAction action, IReadOnlyList<GoToken> tokens)
        {
            var keyword = tokens[0].Text;
            var expression = Pipeline(action, tokens, tokens.Skip(1).ToList());
            blocks.Push(new GoBlock(keyword, dot, action));
            switch (keyword)
            {
                case "with":
                    dot = expression;
                    return $"if {TruthFunction}({expression})";
                case "range":
                    var depth = blocks.Count(b => b.Keyword == "range");
                    var item = depth == 1 ? "item" : $"item{depth}";
                    dot = item;
                    return $"for {item} in {expression}";
                default:
                    return $"if {TruthFunction}({expression})";
            }
        }

        private string Pipeline(TemplateAction action, IReadOnlyList<GoToken> all, IReadOnlyList<GoToken> pipeline)
        {
            if (pipeline is [{ Kind: GoTokenKind.Dot }] && dot.Length == 0)
            {
                throw Error(action, $"{Snippet(action)} prints every variable; name the one you want, e.g. {{{{ title }}}} for {{{{.Title}}}}");
            }

            return new GoExpressionWriter(dot, forHint: false).Write(pipeline) ?? throw Unsupported(action, all);
        }

        private GoBlock OpenBlock(TemplateAction action, string what)
        {
            if (!blocks.TryPeek(out var block))
            {
                throw Error(action, $"{what} without an open {{{{if}}}}, {{{{with}}}} or {{{{range}}}}");
            }

            if (block.InElse)
            {
                throw Error(action, $"{what} after the {{{{else}}}} of {Snippet(block.Opening)}");
            }

            return block;
        }

        private PromptTemplateException Unsupported(TemplateAction action, IReadOnlyList<GoToken> tokens)
        {
            if (firstGoAction is not null && !GoActionDetector.IsGoAction(action))
            {
                return Error(
                    action,
                    $"{Snippet(action)} is not Go template syntax, but this template is read as Go because of {Snippet(firstGoAction)} "
                    + $"at line {firstGoAction.Line}; write the whole template in Scriban (e.g. {{{{ title }}}} for {{{{.Title}}}}) or in Go's supported subset");
            }

            return Error(action, $"Go template action {Snippet(action)} is not supported; {GoTranslationHints.For(tokens, dot)}");
        }

        private string Snippet(TemplateAction action) => action.SourceText(text).ReplaceLineEndings(" ");

        private static string Wrap(TemplateAction action, string code) =>
            $"{{{{{(action.TrimLeft ? "-" : "")}{code}{(action.TrimRight ? "-" : "")}}}}}";

        private static PromptTemplateException Error(TemplateAction action, string problem) =>
            new(action.Line, action.Column, problem);
    }
}
