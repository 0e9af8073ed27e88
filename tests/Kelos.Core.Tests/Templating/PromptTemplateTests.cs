using Kelos.Core.Templating;

namespace Kelos.Core.Tests.Templating;

public class PromptTemplateTests
{
    [Fact]
    public void Render_DepsResultsByMemberAndByIndexer_RenderTheSame()
    {
        var variables = new Dictionary<string, object?> { ["deps"] = TemplateVariables.Deps() };

        var byMember = PromptTemplate.Parse("Continue on {{ deps.scaffold.results.branch }}").Render(variables);
        var byIndexer = PromptTemplate.Parse("Continue on {{ deps[\"scaffold\"].results[\"branch\"] }}").Render(variables);

        Assert.Equal("Continue on feat/scaffold", byMember);
        Assert.Equal(byMember, byIndexer);
    }

    [Fact]
    public void Render_DepsOutputsAndName_AreReadable()
    {
        var template = PromptTemplate.Parse("{{ deps.scaffold.name }}: {{ deps.scaffold.outputs | array.join \"; \" }} ({{ deps.scaffold.outputs.size }})");

        var text = template.Render(TemplateVariables.Sample());

        Assert.Equal("scaffold: branch: feat/scaffold; pr: https://github.com/acme/web/pull/7 (2)", text);
    }

    [Fact]
    public void Render_DependencyNotListed_IsAnErrorNotEmpty()
    {
        var template = PromptTemplate.Parse("Base:\n{{ deps.build.results.branch }}");

        var error = Assert.Throws<PromptTemplateException>(() => template.Render(TemplateVariables.Sample()));

        Assert.Equal(2, error.Line);
        Assert.Equal(9, error.Column);
        Assert.StartsWith("line 2, column 9: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("build", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MissingResultKey_IsAnError()
    {
        var template = PromptTemplate.Parse("{{ deps[\"scaffold\"].results[\"commit\"] }}");

        Assert.Throws<PromptTemplateException>(() => template.Render(TemplateVariables.Sample()));
    }

    [Fact]
    public void Render_UnknownVariable_IsAnError()
    {
        var template = PromptTemplate.Parse("{{ titel }}");

        var error = Assert.Throws<PromptTemplateException>(() => template.Render(TemplateVariables.Sample()));

        Assert.Contains("titel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ScribanSyntaxError_NamesLineAndColumn()
    {
        var error = Assert.Throws<PromptTemplateException>(() => PromptTemplate.Parse("Hello\n{{ for x in }}"));

        Assert.Equal(2, error.Line);
        Assert.StartsWith("line 2, column ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValidTemplate_ReturnsNull()
    {
        Assert.Null(PromptTemplate.Validate("{{ if title }}{{ title }}{{ end }}"));
    }

    [Fact]
    public void Validate_InvalidTemplate_ReturnsWhereAndWhy()
    {
        var check = PromptTemplate.Validate("ok\n\n  {{ if }}");

        Assert.NotNull(check);
        Assert.Equal(3, check.Line);
        Assert.Contains("if", check.Message, StringComparison.Ordinal);
        Assert.StartsWith("line 3, column ", check.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GoTemplate_IsTranslated()
    {
        var template = PromptTemplate.Parse("{{.Title}}");

        Assert.True(template.IsGoSyntax);
        Assert.Equal("{{ title }}", template.ScribanText);
        Assert.Equal("Fix login", template.Render(TemplateVariables.Sample()));
    }

    [Fact]
    public void Parse_ScribanTemplate_IsKeptAsWritten()
    {
        var template = PromptTemplate.Parse("{{ title }}");

        Assert.False(template.IsGoSyntax);
        Assert.Equal("{{ title }}", template.ScribanText);
    }

    [Fact]
    public void Parse_PlainText_RendersAsIs()
    {
        Assert.Equal("no templates here", PromptTemplate.Parse("no templates here").Render(new Dictionary<string, object?>()));
    }
}
