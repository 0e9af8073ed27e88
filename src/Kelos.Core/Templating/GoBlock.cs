namespace Kelos.Core.Templating;

/// <summary>An open <c>if</c>, <c>with</c> or <c>range</c> of a Go template being translated.</summary>
/// <param name="Keyword">The Go keyword that opened it.</param>
/// <param name="OuterDot">The Scriban expression <c>.</c> stood for before the block (and in its else branch).</param>
/// <param name="Opening">The action that opened it, for "has no end" errors.</param>
internal sealed record GoBlock(string Keyword, string OuterDot, TemplateAction Opening)
{
    public bool InElse { get; set; }
}
