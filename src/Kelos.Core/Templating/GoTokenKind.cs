namespace Kelos.Core.Templating;

/// <summary>The kinds of token inside a Go <c>text/template</c> action.</summary>
internal enum GoTokenKind
{
    /// <summary><c>.</c> alone.</summary>
    Dot,

    /// <summary><c>.Name</c> or <c>.Name.Other</c>.</summary>
    Field,

    /// <summary><c>$</c> or <c>$name</c>, possibly with fields.</summary>
    Variable,

    /// <summary>A keyword or function name: <c>if</c>, <c>index</c>, <c>printf</c>, …</summary>
    Identifier,

    /// <summary>A quoted, raw or character literal.</summary>
    String,

    Number,
    Pipe,
    LeftParen,
    RightParen,

    /// <summary><c>:=</c>, <c>=</c> or <c>,</c>.</summary>
    Assign,

    /// <summary>A <c>/* … */</c> comment.</summary>
    Comment,

    Other,
}
