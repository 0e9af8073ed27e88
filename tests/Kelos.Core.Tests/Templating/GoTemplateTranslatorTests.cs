using Kelos.Core.Templating;

namespace Kelos.Core.Tests.Templating;

public class GoTemplateTranslatorTests
{
    [Theory]
    [InlineData("{{.Title}}", "{{ title }}")]
    [InlineData("{{ .RepositoryOwner }}/{{ .RepositoryName }}#{{.Number}}", "{{ repository_owner }}/{{ repository_name }}#{{ number }}")]
    [InlineData("{{.ID}} {{.URL}} {{.HeadSHA}}", "{{ id }} {{ url }} {{ head_sha }}")]
    [InlineData("{{.Deps.scaffold.Results.branch}}", "{{ deps.scaffold.results.branch }}")]
    [InlineData("{{index .Deps \"scaffold\" \"Results\" \"branch\"}}", "{{ deps[\"scaffold\"].results[\"branch\"] }}")]
    [InlineData("{{index .Labels 1}}", "{{ labels[1] }}")]
    [InlineData("{{if .Title}}yes{{else}}no{{end}}", "{{ if title }}yes{{ else }}no{{ end }}")]
    [InlineData("{{if .Empty}}a{{else if .Title}}b{{else}}c{{end}}", "{{ if empty.size > 0 }}a{{ else if title }}b{{ else }}c{{ end }}")]
    [InlineData("{{range .Labels}}[{{.}}]{{end}}", "{{ for label in labels }}[{{ label }}]{{ end }}")]
    [InlineData("{{range .Comments}}{{.Author}}: {{.Body}}; {{end}}", "{{ for c in comments }}{{ c.author }}: {{ c.body }}; {{ end }}")]
    [InlineData("{{range .Empty}}x{{else}}none{{end}}", "{{ for e in empty }}x{{ else }}none{{ end }}")]
    [InlineData("{{range .Comments}}{{with .Author}}<{{.}}>{{end}}{{end}}", "{{ for c in comments }}<{{ c.author }}>{{ end }}")]
    [InlineData("{{with .Deps.scaffold}}{{.Name}} on {{.Results.branch}}{{end}}", "{{ deps.scaffold.name }} on {{ deps.scaffold.results.branch }}")]
    [InlineData("{{with index .Deps \"scaffold\"}}{{index .Results \"pr\"}}{{end}}", "{{ deps.scaffold.results.pr }}")]
    [InlineData("{{with .Body}}[{{.}}]{{else}}no body{{end}}", "{{ if body != \"\" }}[{{ body }}]{{ else }}no body{{ end }}")]
    [InlineData("a\n  {{- .Title -}}  \nb", "a\n  {{- title -}}  \nb")]
    [InlineData("{{/* a note */}}x{{- /* trimmed */ -}}  y", "x{{- -}}  y")]
    public void Translate_SupportedConstruct_RendersLikeTheScribanForm(string go, string scriban)
    {
        var variables = TemplateVariables.Sample();

        var fromGo = PromptTemplate.Parse(go).Render(variables);
        var fromScriban = PromptTemplate.Parse(scriban).Render(variables);

        Assert.Equal(fromScriban, fromGo);
    }

    [Fact]
    public void Translate_IndexWithGoFieldNames_SnakeCasesOnlyThoseKeys()
    {
        var scriban = GoTemplateTranslator.Translate("{{index .Deps \"scaffold\" \"Results\" \"branch\"}}");

        Assert.Equal("{{ deps[\"scaffold\"].results[\"branch\"] }}", scriban);
    }

    [Fact]
    public void Translate_RangeAndWith_DotBecomesTheElementOrValue()
    {
        var scriban = GoTemplateTranslator.Translate("{{range .Labels}}{{.}}{{end}}{{with .Deps}}{{.scaffold.Name}}{{end}}");

        Assert.Equal("{{ for item in labels }}{{ item }}{{ end }}{{ if go_truthy(deps) }}{{ deps.scaffold.name }}{{ end }}", scriban);
    }

    [Fact]
    public void Translate_KeepsLineNumbers()
    {
        var scriban = GoTemplateTranslator.Translate("{{/* one\ntwo */}}\n{{.Title}}");

        Assert.Equal(3, scriban.Split('\n').Length);
    }

    [Fact]
    public void Render_GoIf_KeepsGoTruthRules()
    {
        var text = PromptTemplate.Parse("{{if .Body}}body{{else}}no body{{end}}, {{if .Empty}}items{{else}}no items{{end}}")
            .Render(TemplateVariables.Sample());

        Assert.Equal("no body, no items", text);
    }

    [Fact]
    public void IsGoTemplate_ScribanText_IsFalse()
    {
        Assert.False(GoTemplateTranslator.IsGoTemplate("{{ title }} {{ for x in labels }}{{ x }}{{ end }} {{# a comment with .Dots }}"));
    }

    [Theory]
    [InlineData("{{ printf \"%s-x\" .Name }}", "write it in Scriban, e.g. {{ name + \"-x\" }}")]
    [InlineData("{{ if eq .A \"b\" }}x{{ end }}", "write it in Scriban, e.g. {{ if a == \"b\" }}")]
    [InlineData("{{ len .X }}", "write it in Scriban, e.g. {{ x.size }}")]
    [InlineData("{{ if not .Draft }}x{{ end }}", "write it in Scriban, e.g. {{ if !draft }}")]
    [InlineData("{{ if and .A (ne .B \"c\") }}x{{ end }}", "write it in Scriban, e.g. {{ if a && (b != \"c\") }}")]
    [InlineData("{{ if or .A .B }}x{{ end }}", "write it in Scriban, e.g. {{ if a || b }}")]
    [InlineData("{{ .Title | printf \"%q\" }}", "Go pipes (|) are not supported; Scriban has pipes of its own")]
    [InlineData("{{ $t := .Title }}", "Go variables ($x) are not supported")]
    [InlineData("{{range .Comments}}{{range $.Labels}}{{end}}{{end}}", "Go variables ($x) are not supported")]
    [InlineData("{{ range $i, $c := .Comments }}{{ end }}", "write it in Scriban, e.g. {{ for c in comments }}")]
    [InlineData("{{ define \"x\" }}hi{{ end }}", "named templates (define) are not supported in prompts; write the text inline")]
    [InlineData("{{ template \"x\" . }}", "named templates (template) are not supported")]
    [InlineData("{{ html .Body }}", "write it in Scriban instead (see https://github.com/scriban/scriban/blob/master/doc/language.md)")]
    public void Parse_GoOutsideTheSubset_RejectedWithTheScribanWay(string go, string hint)
    {
        var error = Assert.Throws<PromptTemplateException>(() => PromptTemplate.Parse(go));

        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
        Assert.Contains("is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnsupportedGoAction_MessageNamesLineAndQuotesTheAction()
    {
        var error = Assert.Throws<PromptTemplateException>(() => PromptTemplate.Parse("Fix {{.Title}}\n\n  {{ printf \"%s-x\" .Name }}"));

        Assert.Equal(3, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Equal(
            "line 3, column 3: Go template action {{ printf \"%s-x\" .Name }} is not supported; write it in Scriban, e.g. {{ name + \"-x\" }}",
            error.Message);
    }

    [Fact]
    public void Parse_ScribanActionInGoTemplate_SaysWhichActionMadeItGo()
    {
        var error = Assert.Throws<PromptTemplateException>(() => PromptTemplate.Parse("{{ .Title }}\n{{ deps.x }}"));

        Assert.Equal(
            "line 2, column 1: {{ deps.x }} is not Go template syntax, but this template is read as Go because of {{ .Title }} at line 1; "
            + "write the whole template in Scriban (e.g. {{ title }} for {{.Title}}) or in Go's supported subset",
            error.Message);
    }

    [Fact]
    public void Translate_UnclosedBlock_NamesTheOpeningAction()
    {
        var error = Assert.Throws<PromptTemplateException>(() => GoTemplateTranslator.Translate("x\n{{if .A}}y"));

        Assert.Equal("line 2, column 1: {{if .A}} has no matching {{end}}", error.Message);
    }

    [Fact]
    public void Translate_EndWithoutBlock_IsAnError()
    {
        var error = Assert.Throws<PromptTemplateException>(() => GoTemplateTranslator.Translate("{{.A}}{{end}}"));

        Assert.Contains("{{end}} without an open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_DotAtTopLevel_AsksForAField()
    {
        var error = Assert.Throws<PromptTemplateException>(() => GoTemplateTranslator.Translate("{{.}}"));

        Assert.Contains("name the one you want", error.Message, StringComparison.Ordinal);
    }
}
