namespace Kelos.Core.Templating;

/// <summary>A token of a Go action. <see cref="Value"/> is the decoded text of a string literal, else the text.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Text">The token as written.</param>
/// <param name="Value">The decoded text of a string literal, else <paramref name="Text"/>.</param>
/// <param name="Separate">Preceded by whitespace or an opening parenthesis, or first: an argument of its own rather
/// than a continuation of the previous token (<c>x[0].name</c> in Scriban).</param>
internal sealed record GoToken(GoTokenKind Kind, string Text, string Value, bool Separate)
{
    public bool Is(string identifier) => Kind == GoTokenKind.Identifier && Text == identifier;
}
