using System.Text.RegularExpressions;

namespace Kelos.Testing;

/// <summary>
/// What a prompt asks the scripted model to do, read from markers in the prompt:
/// <c>[[scenario:NAME]]</c>, <c>[[command:SHELL]]</c> (the tool call's command) and <c>[[answer:TEXT]]</c> (the final
/// answer; <c>{output}</c> in it is replaced by the last tool result). The first marker of each kind wins.
/// </summary>
/// <param name="Name">One of <see cref="ScenarioNames"/>.</param>
/// <param name="Command">The shell command of the scripted tool call, or null for the scenario's default.</param>
/// <param name="Answer">The final answer, or null for the scenario's default.</param>
public sealed partial record Scenario(string Name, string? Command, string? Answer)
{
    /// <summary>Reads the markers from <paramref name="prompt"/>; no scenario marker means <see cref="ScenarioNames.Commit"/>.</summary>
    public static Scenario FromPrompt(string prompt)
    {
        string? name = null, command = null, answer = null;
        foreach (Match match in MarkerPattern().Matches(prompt))
        {
            var value = match.Groups["value"].Value;
            switch (match.Groups["key"].Value.ToUpperInvariant())
            {
                case "SCENARIO":
                    name ??= value.Trim();
                    break;
                case "COMMAND":
                    command ??= value;
                    break;
                case "ANSWER":
                    answer ??= value;
                    break;
                default:
                    break;
            }
        }

        return new Scenario(name ?? ScenarioNames.Commit, command, answer);
    }

    /// <summary>Builds the markers for a prompt, e.g. <c>Scenario.Markers("answer", answer: "LGTM")</c>.</summary>
    public static string Markers(string name, string? command = null, string? answer = null)
    {
        var markers = $"[[scenario:{name}]]";
        if (command is not null)
        {
            markers += $" [[command:{command}]]";
        }

        if (answer is not null)
        {
            markers += $" [[answer:{answer}]]";
        }

        return markers;
    }

    [GeneratedRegex(@"\[\[(?<key>scenario|command|answer):(?<value>.*?)\]\]", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();
}
