using Scriban;
using Scriban.Runtime;

namespace Kelos.GitHub.Replies;

/// <summary>
/// The Scriban templates of what Kelos says on GitHub (<c>templates/comments/*.sbn</c>), loaded once at start.
/// A template in <c>KELOS_TEMPLATES_DIR</c> (<c>comments/NAME.sbn</c> or <c>NAME.sbn</c>) overrides the shipped one
/// of the same name. One that does not parse stops the start, naming the file and line.
/// </summary>
public sealed class CommentTemplates
{
    public const string OverrideVariable = "KELOS_TEMPLATES_DIR";

    private readonly Dictionary<string, Template> _shipped = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Template> _overrides = new(StringComparer.Ordinal);

    public CommentTemplates(string shippedDirectory, string? overrideDirectory)
    {
        foreach (var file in Directory.EnumerateFiles(shippedDirectory, "*.sbn"))
        {
            _shipped[Path.GetFileNameWithoutExtension(file)] = Load(file);
        }

        if (overrideDirectory is not null)
        {
            var comments = Path.Combine(overrideDirectory, "comments");
            foreach (var file in Directory.EnumerateFiles(Directory.Exists(comments) ? comments : overrideDirectory, "*.sbn"))
            {
                _overrides[Path.GetFileNameWithoutExtension(file)] = Load(file);
            }
        }
    }

    /// <summary>The templates shipped beside the executable, overridden from <c>KELOS_TEMPLATES_DIR</c>.</summary>
    public static CommentTemplates FromDefaultLocations() => new(
        Path.Combine(AppContext.BaseDirectory, "templates", "comments"),
        Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } dir ? dir : null);

    /// <summary>
    /// Renders <paramref name="name"/> with a view model of plain values (snake_case member names). An operator's
    /// template that fails to render (a misspelt variable) falls back to the shipped one, so the person who asked
    /// still gets an answer.
    /// </summary>
    public string Render(string name, object model)
    {
        if (_overrides.TryGetValue(name, out var custom))
        {
            try
            {
                return Render(custom, model);
            }
            catch (Scriban.Syntax.ScriptRuntimeException) when (_shipped.ContainsKey(name))
            {
                // Fall through to the shipped template.
            }
        }

        return _shipped.TryGetValue(name, out var shipped)
            ? Render(shipped, model)
            : throw new InvalidOperationException($"no comment template named {name}.sbn");
    }

    private static string Render(Template template, object model)
    {
        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        var context = new TemplateContext { StrictVariables = true, MemberRenamer = StandardMemberRenamer.Default };
        context.PushGlobal(globals);
        return template.Render(context).Trim() + "\n";
    }

    private static Template Load(string file)
    {
        var template = Template.Parse(File.ReadAllText(file), file);
        return template.HasErrors
            ? throw new InvalidOperationException($"comment template {file} does not parse: {string.Join("; ", template.Messages)}")
            : template;
    }
}
