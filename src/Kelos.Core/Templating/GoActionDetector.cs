namespace Kelos.Core.Templating;

/// <summary>Tells a Go <c>text/template</c> action (<c>{{.Title}}</c>, <c>{{index .Deps "x"}}</c>) from a Scriban one.</summary>
internal static class GoActionDetector
{
    private static readonly HashSet<string> NamedTemplateKeywords = new(StringComparer.Ordinal) { "define", "template", "block" };

    public static bool IsGoTemplate(IReadOnlyList<TemplateAction> actions) => actions.Any(IsGoAction);

    /// <summary>
    /// Go when the first token is a field (<c>.</c>, <c>.Title</c>), a Go comment, a named-template keyword with a
    /// name, or when any later token is a field argument (<c>index .Deps</c>, <c>if .X</c>, <c>printf "%s" .Name</c>)
    /// or Go's root variable (<c>$.Labels</c>): Scriban never writes a member access with a leading dot.
    /// </summary>
    public static bool IsGoAction(TemplateAction action)
    {
        if (action.Body.StartsWith('#'))
        {
            return false;
        }

        var tokens = GoTokenizer.Tokenize(action.Body);
        if (tokens.Count == 0)
        {
            return false;
        }

        var first = tokens[0];
        if (first.Kind is GoTokenKind.Dot or GoTokenKind.Field or GoTokenKind.Comment)
        {
            return true;
        }

        if (first.Kind == GoTokenKind.Identifier && NamedTemplateKeywords.Contains(first.Text)
            && tokens.Count > 1 && tokens[1].Kind == GoTokenKind.String)
        {
            return true;
        }

        return tokens.Skip(1).Any(t => (t.Separate && t.Kind is GoTokenKind.Dot or GoTokenKind.Field)
            || (t.Kind == GoTokenKind.Variable && (t.Text == "$" || t.Text.StartsWith("$.", StringComparison.Ordinal))));
    }
}
