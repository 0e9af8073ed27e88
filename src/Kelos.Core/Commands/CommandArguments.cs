using Kelos.Core.Resources;

namespace Kelos.Core.Commands;

/// <summary>
/// Reads what follows <c>/kelos</c> (or an App mention): a verb, then options, then free text. Options are recognised
/// only before the text: <c>/kelos run fix the --verbose flag</c> has the text "fix the --verbose flag", while
/// <c>/kelos run --verbose fix</c> is an error. <c>--</c> ends the options.
/// </summary>
internal static class CommandArguments
{
    private const string AgentOption = "--agent";
    private const string ModelOption = "--model";

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
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? error = null;
        while (error is null && reader.PeekIsOption())
        {
            reader.TryNext(out var token);
            if (token == "--")
            {
                break;
            }

            error = ReadOption(token, reader, options);
        }

        var agent = options.GetValueOrDefault(AgentOption);
        var model = options.GetValueOrDefault(ModelOption);
        return new SlashCommand(verb, agent, model, reader.Rest(), line) { Error = error, IsMention = mention };
    }

    /// <summary>Reads one <c>--name value</c> or <c>--name=value</c> into <paramref name="options"/>; the error, if any.</summary>
    private static string? ReadOption(string token, Reader reader, Dictionary<string, string> options)
    {
        var equals = token.IndexOf('=', StringComparison.Ordinal);
        var name = (equals < 0 ? token : token[..equals]).ToLowerInvariant();
        if (name is not (AgentOption or ModelOption))
        {
            return $"unknown option {name} (options: {AgentOption}, {ModelOption})";
        }

        var value = equals < 0 ? null : token[(equals + 1)..];
        if (value is null && !reader.PeekIsOption() && reader.TryNext(out var next))
        {
            value = next;
        }

        if (string.IsNullOrEmpty(value))
        {
            return $"option {name} needs a value";
        }

        if (options.ContainsKey(name))
        {
            return $"option {name} is given twice";
        }

        if (name == AgentOption)
        {
            if (!AgentTypes.All.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                return $"unknown agent \"{value}\" for {AgentOption}: use one of {string.Join(", ", AgentTypes.All)}";
            }

            value = value.ToLowerInvariant();
        }

        options[name] = value;
        return null;
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
