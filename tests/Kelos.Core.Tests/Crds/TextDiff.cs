using System.Text;

namespace Kelos.Core.Tests.Crds;

/// <summary>
/// A short, readable line diff: the lines both texts share at the start and end are skipped, and what differs in
/// between is shown as <c>-</c> (expected, i.e. the file) and <c>+</c> (actual, i.e. generated) lines with a little
/// context. One changed region is what a changed C# field gives, and that is what this shows best.
/// </summary>
internal static class TextDiff
{
    private const int Context = 3;
    private const int MaxLines = 60;

    /// <summary>Null when the texts are equal, else the diff.</summary>
    public static string? Describe(string expected, string actual, string expectedName, string actualName)
    {
        if (expected == actual)
        {
            return null;
        }

        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var text = new StringBuilder();
        text.Append("--- ").AppendLine(expectedName).Append("+++ ").AppendLine(actualName);
        var start = Math.Max(0, prefix - Context);
        text.Append("@@ line ").Append(start + 1).AppendLine(" @@");
        var lines = new List<string>();
        lines.AddRange(a[start..prefix].Select(l => "  " + l));
        lines.AddRange(a[prefix..(a.Length - suffix)].Select(l => "- " + l));
        lines.AddRange(b[prefix..(b.Length - suffix)].Select(l => "+ " + l));
        lines.AddRange(a[(a.Length - suffix)..Math.Min(a.Length, a.Length - suffix + Context)].Select(l => "  " + l));
        foreach (var line in lines.Take(MaxLines))
        {
            text.AppendLine(line);
        }

        if (lines.Count > MaxLines)
        {
            text.Append("... ").Append(lines.Count - MaxLines).AppendLine(" more lines");
        }

        return text.ToString();
    }
}
