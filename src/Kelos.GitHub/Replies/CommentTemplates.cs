using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Kelos.GitHub.Replies;

/// <summary>
/// The Scriban templates of what Kelos says on GitHub (<c>templates/comments/*.sbn</c>, one per
/// <see cref="CommentTemplateNames"/>), loaded once at start. A template in <c>KELOS_TEMPLATES_DIR</c>
/// (<c>comments/NAME.sbn</c> or <c>NAME.sbn</c>) overrides the shipped one of the same name. At start, a template that
/// does not parse, an override with a name Kelos does not use, or an override that fails on a sample view model stops
/// the start with <c>file:line:column: message</c>. Templates may <c>{{ include "NAME" }}</c> one another.
/// </summary>
public sealed class CommentTemplates : ITemplateLoader
{
    public const string OverrideVariable = "KELOS_TEMPLATES_DIR";

    private readonly Dictionary<string, Source> _shipped = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Source> _overrides = new(StringComparer.Ordinal);

    /// <exception cref="TemplateLoadException">A template does not parse, is missing, or an override is unusable.</exception>
    public CommentTemplates(string shippedDirectory, string? overrideDirectory)
    {
        foreach (var file in Directory.EnumerateFiles(shippedDirectory, "*.sbn"))
        {
            _shipped[Path.GetFileNameWithoutExtension(file)] = Load(file);
        }

        if (CommentTemplateNames.All.FirstOrDefault(n => !_shipped.ContainsKey(n)) is { } missing)
        {
            throw new TemplateLoadException($"{Path.Combine(shippedDirectory, missing + ".sbn")}: the comment template is missing");
        }

        if (overrideDirectory is not null)
        {
            var comments = Path.Combine(overrideDirectory, "comments");
            foreach (var file in Directory.EnumerateFiles(Directory.Exists(comments) ? comments : overrideDirectory, "*.sbn"))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                _overrides[name] = _shipped.ContainsKey(name)
                    ? Load(file)
                    : throw new TemplateLoadException($"{file}: Kelos has no comment template named \"{name}\" (it has {string.Join(", ", CommentTemplateNames.All)})");
            }

            foreach (var (name, source) in _overrides)
            {
                TryOnSample(name, source);
            }
        }
    }

    /// <summary>The templates shipped beside the executable, overridden from <c>KELOS_TEMPLATES_DIR</c>.</summary>
    public static CommentTemplates FromDefaultLocations() => new(
        Path.Combine(AppContext.BaseDirectory, "templates", "comments"),
        Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } dir ? dir : null);

    /// <summary>
    /// Renders <paramref name="name"/> with its view model (members seen snake_case). An operator's template that
    /// fails to render falls back to the shipped one, so the person who asked still gets an answer.
    /// </summary>
    public string Render(string name, object model)
    {
        var shipped = _shipped.TryGetValue(name, out var found) ? found : throw new InvalidOperationException($"no comment template named {name}.sbn");
        if (_overrides.Count == 0)
        {
            return Render(shipped.Template, model, useOverrides: false);
        }

        try
        {
            return Render((_overrides.GetValueOrDefault(name) ?? shipped).Template, model, useOverrides: true);
        }
        catch (ScriptRuntimeException)
        {
            // An operator's template (or one it includes) failed on this model: the shipped ones answer.
            return Render(shipped.Template, model, useOverrides: false);
        }
    }

    private string Render(Template template, object model, bool useOverrides)
    {
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        var context = new TemplateContext
        {
            StrictVariables = true,
            MemberRenamer = StandardMemberRenamer.Default,
            TemplateLoader = useOverrides ? this : new ShippedOnly(this),

            // A member the view model does not have (task.mesage) is an error, as an unknown variable is.
            TryGetMember = (TemplateContext _, SourceSpan span, object target, string member, out object? value) =>
                throw new ScriptRuntimeException(span, $"`{member}` is not a member of this object"),
        };
        context.PushGlobal(globals);
        return template.Render(context).Trim() + "\n";
    }

    private void TryOnSample(string name, Source source)
    {
        try
        {
            Render(source.Template, Reporting.TemplateSamples.For(name), useOverrides: true);
        }
        catch (ScriptRuntimeException error)
        {
            throw new TemplateLoadException($"{Where(source.File, error.Span)}: {error.OriginalMessage}", error);
        }
    }

    private static Source Load(string file)
    {
        var text = File.ReadAllText(file);
        var template = Template.Parse(text, file);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == ParserMessageType.Error);
            throw new TemplateLoadException($"{Where(file, first.Span)}: {first.Message}");
        }

        return new Source(file, text, template);
    }

    private static string Where(string file, SourceSpan span) => $"{file}:{span.Start.Line + 1}:{span.Start.Column + 1}";

    string ITemplateLoader.GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        _shipped.ContainsKey(templateName) ? templateName : throw new ScriptRuntimeException(callerSpan, $"include \"{templateName}\": no comment template of that name");

    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        (_overrides.GetValueOrDefault(templatePath) ?? _shipped[templatePath]).Text;

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(((ITemplateLoader)this).Load(context, callerSpan, templatePath));

    private sealed record Source(string File, string Text, Template Template);

    /// <summary>Includes for a shipped template that stands in for a failed override: shipped templates only.</summary>
    private sealed class ShippedOnly(CommentTemplates templates) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
            ((ITemplateLoader)templates).GetPath(context, callerSpan, templateName) ?? templateName;

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            templates._shipped[templatePath].Text;

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }
}
