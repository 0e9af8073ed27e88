using Kelos.Core.Templating;

namespace Kelos.Core.Loading.Rules;

/// <summary>Templates (prompts, branch and name templates) must compile when the file is loaded, not when a Task runs.</summary>
internal static class TemplateRules
{
    public static void Check(string? text, string path, RuleContext context)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var check = PromptTemplate.Validate(text);
        if (check is not null)
        {
            context.Error(path, $"template does not compile: {check}");
        }
    }
}
