namespace Kelos.Core.Templating;

/// <summary>Why a template does not compile: 1-based line and column in the template text, and the problem.</summary>
public sealed record TemplateCheck(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
