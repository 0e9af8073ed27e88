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

    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);

    public CommentTemplates(string shippedDirectory, string? overrideDirectory)
    {
        foreach (var file in Directory.EnumerateFiles(shippedDirectory, "*.sbn"))
        {
            Load(file);
        }

        if (overrideDirectory is not null)
        {
            var comments = Path.Combine(overrideDirectory, "comments");
            foreach (var file in Directory.EnumerateFiles(Directory.Exists(comments) ? comments : overrideDirectory, "*.sbn"))
            {
                Load(file);
            }
        }
    }

    /// <summary>The templates shipped beside the executable, overridden from <c>KELOS_TEMPLATES_DIR</c>.</summary>
    public static CommentTemplates FromDefaultLocations() => new(
        Path.Combine(AppContext.BaseDirectory, "templates", "comments"),
        Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } dir ? dir : null);

    /// <summary>Renders <paramref name="name"/> with a view model of plain values (snake_case member names).</summary>
    public string Render(string name, object model)
    {
        if (!_templates.TryGetValue(name, out var template))
        {
            throw new InvalidOperationException($"no comment template named {name}.sbn");
        }

        var globals = new ScriptObject();
        globals.Import(model, renamer: StandardMemberRenamer.Default);
        var context = new TemplateContext { StrictVariables = true, MemberRenamer = StandardMemberRenamer.Default };
        context.PushGlobal(globals);
        return template.Render(context).Trim() + "\n";
    }

    private void Load(string file)
    {
        var template = Template.Parse(File.ReadAllText(file), file);
        if (template.HasErrors)
        {
            throw new InvalidOperationException($"comment template {file} does not parse: {string.Join("; ", template.Messages)}");
        }

        _templates[Path.GetFileNameWithoutExtension(file)] = template;
    }
}
