namespace Kelos.GitHub.Reporting;

// TEMPORARY stand-in until the real splitter lands (not committed).
public static class CommentBodies
{
    public const int GitHubLimit = 65_536;
    public const int Budget = 60_000;

    public static IReadOnlyList<string> Split(string markdown, int budget = Budget) =>
        markdown.Length <= budget ? [markdown] : [.. markdown.Chunk(budget).Select(c => new string(c))];

    public static string Trim(string markdown, string note, int budget = Budget) =>
        markdown.Length <= budget ? markdown : markdown[..(budget - 200)] + "\n\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, note, markdown.Length - budget + 200);
}
