using System.Globalization;
using System.Text;

namespace Kelos.Agents;

/// <summary>
/// The block a run prints on stdout after the agent exits, between <see cref="StartMarker"/> and
/// <see cref="EndMarker"/>, one <c>key: value</c> per line (<c>branch</c>, <c>commit</c>, <c>base-branch</c>,
/// <c>pr</c> per pull request, <c>input-tokens</c>, <c>output-tokens</c>, <c>cost-usd</c>, <c>response</c>).
/// Both runtimes and custom images print it the same way, so a Task's results look the same everywhere.
/// </summary>
public static class OutputsBlock
{
    public const string StartMarker = "---KELOS_OUTPUTS_START---";
    public const string EndMarker = "---KELOS_OUTPUTS_END---";

    private const string Separator = ": ";

    /// <summary>The block, one line per pair in the given order (repeat a key for several values), ending in a newline.</summary>
    /// <exception cref="ArgumentException">A key is empty or holds a colon or whitespace, or a value spans lines.</exception>
    public static string Write(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var block = new StringBuilder().Append(StartMarker).Append('\n');
        foreach (var (key, value) in pairs)
        {
            if (string.IsNullOrEmpty(key) || key.Any(character => character == ':' || char.IsWhiteSpace(character)))
            {
                throw new ArgumentException($"Output key \"{key}\" must be non-empty, without colons or whitespace.", nameof(pairs));
            }

            if (value is null || value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Output \"{key}\" must be one line (base64 it, as \"response\" is).", nameof(pairs));
            }

            block.Append(key).Append(Separator).Append(value).Append('\n');
        }

        return block.Append(EndMarker).Append('\n').ToString();
    }

    /// <summary>
    /// The last complete block in <paramref name="lines"/> (an agent may print an earlier one, or a broken one,
    /// before the real one at the end), or null when there is none. Lines are split on the first <c>": "</c>.
    /// </summary>
    public static OutputsBlockResult? ParseLast(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var all = lines.Select(line => line.TrimEnd('\r')).ToList();
        var end = all.FindLastIndex(line => line.Trim() == EndMarker);
        var start = end < 0 ? -1 : all.FindLastIndex(end, line => line.Trim() == StartMarker);
        if (start < 0)
        {
            return null;
        }

        var outputs = all.GetRange(start + 1, end - start - 1).Where(line => line.Trim().Length > 0).ToList();
        var results = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in outputs)
        {
            var separator = line.IndexOf(Separator, StringComparison.Ordinal);
            if (separator > 0)
            {
                results[line[..separator].Trim()] = line[(separator + Separator.Length)..];
            }
            else if (line.TrimEnd().EndsWith(':') && line.TrimEnd().Length > 1)
            {
                results[line.TrimEnd()[..^1].Trim()] = "";
            }
        }

        return new OutputsBlockResult(outputs, results);
    }

    /// <summary>The <c>response</c> value: the final answer as base64 of its UTF-8 bytes.</summary>
    public static string EncodeResponse(string finalAnswer)
    {
        ArgumentNullException.ThrowIfNull(finalAnswer);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(finalAnswer));
    }

    /// <summary>The final answer back from a <c>response</c> value.</summary>
    /// <exception cref="FormatException">The value is not base64.</exception>
    public static string DecodeResponse(string response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Encoding.UTF8.GetString(Convert.FromBase64String(response));
    }

    /// <summary>The agent's final answer from a Task's results (<c>response</c>, base64), trimmed at the end; null when absent.</summary>
    public static string? Answer(IReadOnlyDictionary<string, string> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (!results.TryGetValue("response", out var encoded))
        {
            return null;
        }

        try
        {
            return DecodeResponse(encoded).TrimEnd();
        }
        catch (FormatException)
        {
            return encoded;
        }
    }

    /// <summary>
    /// The pairs a run summary contributes: <c>input-tokens</c>, <c>output-tokens</c>, <c>cost-usd</c> and
    /// <c>response</c>, each only when known. The git pairs (branch, commit, base-branch, pr) are the caller's.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> SummaryPairs(AgentRunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var pairs = new List<KeyValuePair<string, string>>();
        if (summary.InputTokens is { } input)
        {
            pairs.Add(new("input-tokens", input.ToString(CultureInfo.InvariantCulture)));
        }

        if (summary.OutputTokens is { } output)
        {
            pairs.Add(new("output-tokens", output.ToString(CultureInfo.InvariantCulture)));
        }

        if (summary.CostUsd is { } cost)
        {
            pairs.Add(new("cost-usd", cost.ToString(CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrEmpty(summary.FinalAnswer))
        {
            pairs.Add(new("response", EncodeResponse(summary.FinalAnswer)));
        }

        return pairs;
    }
}
