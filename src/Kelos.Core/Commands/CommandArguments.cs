using Kelos.Core.Resources;

namespace Kelos.Core.Commands;

/// <summary>
/// Reads what follows <c>/kelos</c> (or an App mention): a verb, then options, then free text. Options are recognised
/// only before the text: <c>/kelos run fix the --verbose flag</c> has the text "fix the --verbose flag", while
/// <c>/kelos run --verbose fix</c> is an error. <c>--</c> ends the options.
/// </summary>
internal static class CommandArguments
{
    private const string KnownOptions = "--agent, --model";

    /// <summary>A <c>/kelos</c> command: <paramref name="rest"/> is what follows the prefix on its line.</summary>
    public static SlashCommand ParseCommand(string rest, int line)
    {
        var reader = new Reader(rest);
        if (!reader.TryNext(out var verbToken))
        {
            return new SlashCommand(CommandVerbs.Help, null, null, "", line);
        }

        if (verbToken.StartsWith('-'))
        {
            return new SlashCommand("", null, null, rest.Trim(), line)
            {
                Error = $"a verb must come first (e.g. /kelos run {verbToken} …), not the option {verbToken}",
            };
        }

        var verb = verbToken.TrimEnd('.', ',', ':', ';', '!', '?').ToLowerInvariant();
        if (verb.Length == 0 || !verb.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return new SlashCommand(verb, null, null, reader.Rest(), line) { Error = $"\"{verbToken}\" is not a verb" };
        }

        return ParseOptionsAndText(verb, reader, line, mention: false);
    }

    /// <summary>An App mention: the verb is <c>run</c>; a mention with nothing after it asks for help.</summary>
    public static SlashCommand ParseMention(string rest, int line)
    {
        var reader = new Reader(rest);
        return reader.Rest().Length == 0
            ? new SlashCommand(CommandVerbs.Help, null, null, "", line) { IsMention = true }
            : ParseOptionsAndText(CommandVerbs.Run, reader, line, mention: true);
    }

    private static SlashCommand ParseOptionsAndText(string verb, Reader reader, int line, bool mention)
    {
        string? agent = null;
        string? model = null;
        string? error = null;
        while (error is null && reader.PeekIsOption())
        {
            reader.TryNext(out var token);
            if (token == "--")
            {
                break;
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? token : token[..equals]).ToLowerInvariant();
            var value = equals < 0 ? null : token[(equals + 1)..];
            if (name is not ("--agent" or "--model"))
            {
                error = $"unknown option {name} (options: {KnownOptions})";
                break;
            }

            if (value is null && !reader.PeekIsOption() && reader.TryNext(out var next))
            {
                value = next;
            }

            error = value is null or "" ? $"option {name} needs a value"
                : (name == "--agent" ? agent : model) is not null ? $"option {name} is given twice"
                : null;
            if (error is null && name == "--agent")
            {
                agent = value!.ToLowerInvariant();
                error = AgentTypes.All.Contains(agent, StringComparer.Ordinal)
                    ? null
                    : $"unknown agent \"{value}\" for --agent: use one of {string.Join(", ", AgentTypes.All)}";
            }
            else if (error is null)
            {
                model = value;
            }
        }

        return new SlashCommand(verb, agent, model, reader.Rest(), line) { Error = error, IsMention = mention };
    }

    /// <summary>Whitespace-separated tokens of a text, and the untouched rest of it.</summary>
    private sealed class Reader(string text)
    {
        private int position;

        public bool TryNext(out string token)
        {
            SkipSpace();
            var start = position;
            while (position < text.Length && !char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            token = text[start..position];
            return token.Length > 0;
        }

        public bool PeekIsOption()
        {
            SkipSpace();
            return position + 1 < text.Length && text[position] == '-' && text[position + 1] == '-';
        }

        public string Rest() => text[position..].Trim();

        private void SkipSpace()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }
    }
}
