using System.Text.RegularExpressions;

namespace Kelos.GitHub.Tests.Reporting;

/// <summary>
/// An independent reading of whether a Markdown text closes every code fence and &lt;details&gt; block it opens:
/// the oracle the splitter's parts are checked against (written apart from the splitter's own scanner).
/// </summary>
internal static partial class MarkdownBalance
{
    /// <summary>What is left open or closed twice, or null when the text is balanced.</summary>
    public static string? Problem(string markdown)
    {
        string? fence = null;
        var depth = 0;
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (fence is not null)
            {
                var closing = ClosingFence().Match(line);
                if (closing.Success && closing.Groups[1].Value[0] == fence[0] && closing.Groups[1].Length >= fence.Length)
                {
                    fence = null;
                }

                continue;
            }

            var opening = OpeningFence().Match(line);
            if (opening.Success && !(opening.Groups[1].Value[0] == '`' && opening.Groups[2].Value.Contains('`', StringComparison.Ordinal)))
            {
                fence = opening.Groups[1].Value;
                continue;
            }

            if (DetailsLine().IsMatch(line))
            {
                foreach (Match tag in DetailsTag().Matches(line))
                {
                    depth += tag.Value[1] == '/' ? -1 : 1;
                    if (depth < 0)
                    {
                        return $"line {i + 1}: </details> with no <details> open";
                    }
                }
            }
        }

        return fence is not null ? $"fence {fence} left open"
            : depth > 0 ? $"{depth} <details> left open"
            : null;
    }

    [GeneratedRegex(@"^ {0,3}(`+|~+)[ \t]*$")]
    private static partial Regex ClosingFence();

    [GeneratedRegex(@"^ {0,3}(`{3,}|~{3,})(.*)$")]
    private static partial Regex OpeningFence();

    [GeneratedRegex(@"^ {0,3}</?details[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex DetailsLine();

    [GeneratedRegex(@"<details(?=[\s>])|</details\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex DetailsTag();
}
