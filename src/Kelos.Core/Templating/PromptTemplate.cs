using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Kelos.Core.Templating;

/// <summary>
/// A prompt (or branch, or Task name) template. The language is Scriban (<c>{{ deps.scaffold.results.branch }}</c>);
/// upstream's Go template syntax is accepted for its common subset and translated (see <see cref="GoTemplateTranslator"/>).
/// Rendering is strict: a variable or member that does not exist is an error, never an empty string.
/// </summary>
public sealed class PromptTemplate
{
    private readonly Template template;

    private PromptTemplate(string text, string scribanText, bool isGoSyntax, Template template)
    {
        Text = text;
        ScribanText = scribanText;
        IsGoSyntax = isGoSyntax;
        this.template = template;
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>The Scriban text that is rendered: <see cref="Text"/>, or its translation when written in Go syntax.</summary>
    public string ScribanText { get; }

    /// <summary>True when <see cref="Text"/> was written in Go template syntax.</summary>
    public bool IsGoSyntax { get; }

    /// <exception cref="PromptTemplateException">The template does not parse; the message names line and column.</exception>
    public static PromptTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var isGo = GoTemplateTranslator.IsGoTemplate(text);
        var scribanText = isGo ? GoTemplateTranslator.Translate(text) : text;
        var parsed = Template.Parse(scribanText);
        if (parsed.HasErrors)
        {
            var first = parsed.Messages.First(m => m.Type == ParserMessageType.Error);
            throw new PromptTemplateException(first.Span.Start.Line + 1, first.Span.Start.Column + 1, first.Message);
        }

        return new PromptTemplate(text, scribanText, isGo, parsed);
    }

    /// <summary>Null when the text compiles, else where and why it does not.</summary>
    public static TemplateCheck? Validate(string text)
    {
        try
        {
            Parse(text);
            return null;
        }
        catch (PromptTemplateException e)
        {
            return new TemplateCheck(e.Line, e.Column, e.Problem);
        }
    }

    /// <summary>
    /// Renders with plain values: strings, numbers, booleans, dictionaries with string keys and lists, e.g.
    /// <c>deps</c> → { "scaffold" → { "name", "results" (Dictionary&lt;string,string&gt;), "outputs" (List&lt;string&gt;) } }.
    /// </summary>
    /// <exception cref="PromptTemplateException">A missing variable or member, or another render error. For a template
    /// written in Go syntax the line is that of the source; the column is that of the translated text.</exception>
    public string Render(IReadOnlyDictionary<string, object?> variables, PromptIncludes? includes = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var globals = new ScriptObject();
        globals.Import(GoTemplateTranslator.TruthFunction, new Func<object?, bool>(GoTruth.IsTrue));
        foreach (var (name, value) in variables)
        {
            globals.SetValue(name, value, readOnly: false);
        }

        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            TemplateLoader = includes,
        };
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new PromptTemplateException(e.Span.Start.Line + 1, e.Span.Start.Column + 1, e.OriginalMessage, e);
        }
    }
}
