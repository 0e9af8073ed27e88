using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Kelos.Core.Templating;

/// <summary>
/// Resolves <c>{{ include "NAME" }}</c> in prompt templates to <c>NAME.sbn</c> in the prompt directories, the
/// operator's first (<c>KELOS_TEMPLATES_DIR/prompts</c>), then the shipped <c>templates/prompts</c>. So the shipped
/// spawners keep their prompts in files, and an operator can change a prompt without touching a spawner.
/// </summary>
public sealed class PromptIncludes(IReadOnlyList<string> directories) : ITemplateLoader
{
    public IReadOnlyList<string> Directories { get; } = directories;

    /// <summary>
    /// The includes of <paramref name="directories"/>, every prompt in them parsed once, at start: one that does not
    /// parse throws <see cref="PromptTemplateException"/>-based <see cref="InvalidDataException"/> naming
    /// <c>file:line:column</c>, so a broken prompt stops the start rather than the first Task that needs it.
    /// </summary>
    public static PromptIncludes Load(IReadOnlyList<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        foreach (var file in directories.Where(Directory.Exists).SelectMany(d => Directory.EnumerateFiles(d, "*.sbn")))
        {
            if (PromptTemplate.Validate(File.ReadAllText(file)) is { } problem)
            {
                throw new InvalidDataException($"{file}:{problem.Line}:{problem.Column}: {problem.Message}");
            }
        }

        return new PromptIncludes(directories);
    }

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var file = System.IO.Path.GetFileName(templateName) == templateName && !templateName.StartsWith('.')
            ? templateName + ".sbn"
            : throw new ScriptRuntimeException(callerSpan, $"include \"{templateName}\": give a prompt's name, not a path");
        foreach (var dir in Directories)
        {
            var path = System.IO.Path.Combine(dir, file);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new ScriptRuntimeException(callerSpan, $"include \"{templateName}\": no {file} in {string.Join(" or ", Directories)}");
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => File.ReadAllText(templatePath);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
