using System.Text;

namespace Kelos.Core.Commands;

/// <summary>One <c>/kelos</c> command (or App mention) found in a comment.</summary>
/// <param name="Verb">Lower-cased: <c>run</c>, <c>plan</c>, … or a custom verb; <c>help</c> for a bare <c>/kelos</c>.
/// Empty when the command has no verb and <see cref="Error"/> says why.</param>
/// <param name="Agent">The <c>--agent</c> value (lower-cased, one of the agent types), or null.</param>
/// <param name="Model">The <c>--model</c> value as written, or null.</param>
/// <param name="Text">What follows the verb and options: the rest of the line, trimmed (for a mention, the rest of
/// the comment, with line breaks as <c>\n</c>).</param>
/// <param name="Line">1-based line of the comment the command starts on.</param>
public sealed record SlashCommand(string Verb, string? Agent, string? Model, string Text, int Line)
{
    /// <summary>What is wrong with the command, to be told to its author; null when it is well formed.
    /// A command with an error never triggers anything.</summary>
    public string? Error { get; init; }

    /// <summary>True for the <c>@app text</c> form.</summary>
    public bool IsMention { get; init; }

    /// <summary>True when <see cref="Error"/> is null.</summary>
    public bool IsValid => Error is null;

    /// <summary>
    /// The command written out in its canonical form, <c>/kelos run --agent codex --model m text</c> (a mention
    /// reads as <c>/kelos run …</c>). Filters' body patterns are matched against this line.
    /// </summary>
    public string ToCommandLine()
    {
        var builder = new StringBuilder(SlashCommandParser.Prefix).Append(' ').Append(Verb);
        if (Agent is not null)
        {
            builder.Append(" --agent ").Append(Agent);
        }

        if (Model is not null)
        {
            builder.Append(" --model ").Append(Model);
        }

        if (Text.Length > 0)
        {
            builder.Append(' ').Append(Text);
        }

        return builder.ToString();
    }
}
