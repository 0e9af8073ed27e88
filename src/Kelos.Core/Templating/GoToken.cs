namespace Kelos.Core.Templating;

/// <summary>A token of a Go action. <see cref="Value"/> is the decoded text of a string literal, else the text.</summary>
internal sealed record GoToken(GoTokenKind Kind, string Text, string Value)
{
    public bool Is(string identifier) => Kind == GoTokenKind.Identifier && Text == identifier;
}
