namespace Kelos.Core.Templating;

/// <summary>One <c>{{ … }}</c> action of a template, as written.</summary>
/// <param name="Start">Offset of the opening <c>{{</c>.</param>
/// <param name="End">Offset just past the closing <c>}}</c> (the end of the text when unclosed).</param>
/// <param name="Line">1-based line of the opening <c>{{</c>.</param>
/// <param name="Column">1-based column of the opening <c>{{</c>.</param>
/// <param name="Body">The text between the delimiters, without trim markers.</param>
/// <param name="TrimLeft">Written <c>{{- </c>.</param>
/// <param name="TrimRight">Written <c> -}}</c>.</param>
/// <param name="Closed">False when the text ends before <c>}}</c>.</param>
internal sealed record TemplateAction(int Start, int End, int Line, int Column, string Body, bool TrimLeft, bool TrimRight, bool Closed)
{
    public string SourceText(string template) => template[Start..End];
}
