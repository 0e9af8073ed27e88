using System.Globalization;
using System.Text.RegularExpressions;
using Kelos.GitHub.Reporting;

namespace Kelos.GitHub.Tests.Reporting;

/// <summary>
/// Bodies too long for one GitHub comment: split into parts, trimmed with a note, or labelled. Each part must be
/// within the budget, render on its own (every fence and &lt;details&gt; it opens is closed, by
/// <see cref="MarkdownBalance"/>'s independent reading), and lose nothing: the parts' contents, with the lines the split
/// added taken away, are the input exactly.
/// </summary>
public sealed partial class CommentBodiesTests
{
    private const int Small = CommentBodies.MinimumBudget;
    private const string Note = "_… trimmed: {0} more characters — the whole answer: `kelos get task x -o json`_";

    private static readonly string A = Lines('a', 4);
    private static readonly string B = Lines('b', 4);
    private static readonly string C = Lines('c', 4).TrimEnd('\n');

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("```\nleft open\r\n<details>")]
    public void Split_WithinBudget_OnePartUnchanged(string markdown)
    {
        Assert.Equal([markdown], CommentBodies.Split(markdown, Small));
        Assert.Equal(markdown, CommentBodies.Trim(markdown, Note, Small));
        Assert.Equal([markdown], CommentBodies.SplitLabelled(markdown, Small));
    }

    [Fact]
    public void Split_ExactlyTheBudget_OnePart()
    {
        var markdown = new string('x', Small);

        Assert.Equal([markdown], CommentBodies.Split(markdown, Small));
    }

    [Fact]
    public void Split_Paragraphs_BreaksAfterTheBlankLines()
    {
        var parts = CommentBodies.Split(A + "\n" + B + "\n" + C, Small);

        Assert.Equal([A + "\n", B + "\n", C], parts);
    }

    [Fact]
    public void Split_InsideFence_ClosesAndReopensWithTheOpeningLine()
    {
        var code = Lines('x', 10);
        var markdown = "Intro\n\n```csharp\n" + code + "```\n\nOutro\n";

        var parts = CommentBodies.Split(markdown, Small);

        var cut = 6 * 150;
        Assert.Equal(["Intro\n\n```csharp\n" + code[..cut] + "```\n", "```csharp\n" + code[cut..] + "```\n\nOutro\n"], parts);
    }

    [Fact]
    public void Split_CrLf_AddedLinesUseCrLf()
    {
        var code = Lines('x', 10).Replace("\n", "\r\n", StringComparison.Ordinal);
        var markdown = "Intro\r\n\r\n```csharp\r\n" + code + "```\r\n";

        var parts = CommentBodies.Split(markdown, Small);

        var cut = 6 * 151;
        Assert.Equal(["Intro\r\n\r\n```csharp\r\n" + code[..cut] + "```\r\n", "```csharp\r\n" + code[cut..] + "```\r\n"], parts);
    }

    [Fact]
    public void Split_FenceInsideDetails_ClosesBothAndReopensTheSummary()
    {
        var log = Lines('x', 10);
        var markdown = "<details open>\n<summary>Log tail</summary>\n\n~~~text\n" + log + "~~~\n\n</details>\n";

        var parts = CommentBodies.Parts(markdown, Small);

        Assert.Equal(2, parts.Count);
        Assert.Equal("", parts[0].Opening);
        Assert.Equal("~~~\n</details>\n", parts[0].Closing);
        Assert.Equal("<details open>\n<summary>Log tail</summary>\n\n~~~text\n", parts[1].Opening);
        Assert.Equal("", parts[1].Closing);
        Assert.Equal(markdown, parts[0].Content + parts[1].Content);
    }

    [Fact]
    public void Split_SummaryOnTheDetailsLine_ReopensThatLine()
    {
        var markdown = "<details><summary>Plan</summary>\n\n" + A + "\n" + B + "\n</details>\n";

        var parts = CommentBodies.Split(markdown, Small);

        Assert.Equal(["<details><summary>Plan</summary>\n\n" + A + "\n</details>\n", "<details><summary>Plan</summary>\n\n" + B + "\n</details>\n"], parts);
    }

    [Fact]
    public void Split_NestedDetails_ClosesInnermostFirstAndReopensOutermostFirst()
    {
        var markdown = "<details>\n<summary>Outer</summary>\n\n<details open><summary>Inner</summary>\n\n" + A + "\n" + B + "\n</details>\n</details>\n";

        var parts = CommentBodies.Parts(markdown, Small);

        Assert.Equal("</details>\n</details>\n", parts[0].Closing);
        Assert.Equal("<details>\n<summary>Outer</summary>\n\n<details open><summary>Inner</summary>\n\n", parts[1].Opening);
    }

    [Fact]
    public void Split_DetailsInsideFence_IsText()
    {
        var code = string.Concat(Enumerable.Repeat("<details>\n" + new string('x', 139) + "\n", 10));
        var markdown = "```html\n" + code + "```\n";

        var parts = CommentBodies.Parts(markdown, Small);

        Assert.All(parts.SkipLast(1), part => Assert.Equal("```\n", part.Closing));
        Assert.All(parts.Skip(1), part => Assert.Equal("```html\n", part.Opening));
    }

    [Fact]
    public void Split_LongerOpeningFence_ShorterRunsInsideDoNotCloseIt()
    {
        var code = string.Concat(Enumerable.Repeat("```\n" + new string('x', 145) + "\n", 10));
        var markdown = "````markdown\n" + code + "````\n";

        var parts = CommentBodies.Parts(markdown, Small);

        Assert.Equal("````\n", parts[0].Closing);
        Assert.Equal("````markdown\n", parts[1].Opening);
    }

    [Fact]
    public void Split_TildeFence_BackticksInsideDoNotCloseIt()
    {
        var code = string.Concat(Enumerable.Repeat("```\n" + new string('x', 145) + "\n", 10));
        var markdown = "~~~ text `quoted`\n" + code + "~~~\n";

        var parts = CommentBodies.Parts(markdown, Small);

        Assert.Equal("~~~\n", parts[0].Closing);
        Assert.Equal("~~~ text `quoted`\n", parts[1].Opening);
    }

    [Fact]
    public void Split_IndentedFenceOpening_ReopenedAsWritten()
    {
        var markdown = "   ```yaml\n" + Lines('x', 10) + "   ```\n";

        var parts = CommentBodies.Parts(markdown, Small);

        Assert.Equal("```\n", parts[0].Closing);
        Assert.Equal("   ```yaml\n", parts[1].Opening);
    }

    [Theory]
    [InlineData("    ```\n")]
    [InlineData("```inline``` code, not a fence\n")]
    [InlineData("``\n")]
    public void Split_LineThatIsNotAFenceOpening_AddsNothing(string line)
    {
        var markdown = line + Lines('x', 10);

        var parts = CommentBodies.Parts(markdown, Small);

        Assert.All(parts, part => Assert.Equal("", part.Opening + part.Closing));
    }

    [Fact]
    public void Split_LineLongerThanTheBudget_CutIntoBudgetSizedPieces()
    {
        var markdown = new string('x', 2_500);

        var parts = CommentBodies.Split(markdown, Small);

        Assert.Equal([new string('x', 1_000), new string('x', 1_000), new string('x', 500)], parts);
    }

    [Fact]
    public void Split_CutAtASurrogatePair_KeepsThePairTogether()
    {
        var markdown = "a" + string.Concat(Enumerable.Repeat("😀", 700));

        var parts = CommentBodies.Split(markdown, Small);

        Assert.Equal(["a" + string.Concat(Enumerable.Repeat("😀", 499)), string.Concat(Enumerable.Repeat("😀", 201))], parts);
    }

    [Fact]
    public void Split_LongLineInsideFence_PiecesEachInsideTheFence()
    {
        var markdown = "```\n" + new string('x', 2_500) + "\n```\n";

        var parts = CommentBodies.Parts(markdown, Small);

        Assert.Equal(3, parts.Count);
        Assert.Equal("```\n" + new string('x', 1_000 - 4 - 5) + "\n```\n", parts[0].Text);
        Assert.Equal("```\n" + new string('x', 1_000 - 4 - 5) + "\n```\n", parts[1].Text);
        AssertSplitsWell(markdown, Small);
    }

    [Fact]
    public void Split_PieceThatLooksLikeAFence_ClosedAsOne()
    {
        // Cut from a line of backticks, a piece standing on its own line opens a fence: its part must close it.
        var markdown = new string('`', 2_500);

        var parts = CommentBodies.Parts(markdown, Small);

        Assert.All(parts, part => Assert.InRange(part.Text.Length, 1, Small));
        Assert.All(parts, part => Assert.Null(MarkdownBalance.Problem(part.Text)));
        Assert.Equal(markdown, string.Concat(parts.Select(part => part.Content)));
    }

    [Theory]
    [InlineData(999)]
    [InlineData(0)]
    [InlineData(-1)]
    public void Split_BudgetBelowTheMinimum_Throws(int budget)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CommentBodies.Split("x", budget));
        Assert.Throws<ArgumentOutOfRangeException>(() => CommentBodies.Trim("x", Note, budget));
        Assert.Throws<ArgumentOutOfRangeException>(() => CommentBodies.SplitLabelled("x", budget));
    }

    [Fact]
    public void Split_DefaultBudget_PartsFitUnderGitHubsLimit()
    {
        var markdown = new MarkdownDocuments(7, CommentBodies.Budget).Next(200_000, crlf: false);

        var parts = CommentBodies.Split(markdown);

        Assert.True(parts.Count > 1);
        Assert.All(parts, part => Assert.InRange(part.Length, 1, CommentBodies.Budget));
    }

    [Fact]
    public void Trim_Paragraphs_FirstPartThenTheNoteWithWhatWasLeftOut()
    {
        var markdown = A + "\n" + B + "\n" + C;

        var trimmed = CommentBodies.Trim(markdown, Note, Small);

        Assert.Equal(A + "\n\n_… trimmed: 1,200 more characters — the whole answer: `kelos get task x -o json`_", trimmed);
    }

    [Fact]
    public void Trim_InsideDetailsAndFence_ClosesBothBeforeTheNote()
    {
        var markdown = "<details>\n<summary>Answer</summary>\n\n```diff\n" + Lines('x', 10) + "```\n</details>\n";

        var trimmed = CommentBodies.Trim(markdown, "(cut)", Small);

        Assert.EndsWith("\n```\n</details>\n\n(cut)", trimmed, StringComparison.Ordinal);
        Assert.Null(MarkdownBalance.Problem(trimmed));
    }

    [Fact]
    public void Trim_NoteWithOtherBraces_KeepsThemLiterally()
    {
        var trimmed = CommentBodies.Trim(new string('x', 2_000), "{0} left; see `kelos get task x -o jsonpath={.status}`", Small);

        Assert.EndsWith(" left; see `kelos get task x -o jsonpath={.status}`", trimmed, StringComparison.Ordinal);
        Assert.InRange(trimmed.Length, 1, Small);
    }

    [Fact]
    public void Trim_NoteTooLongForTheBudget_Throws()
    {
        Assert.Throws<ArgumentException>(() => CommentBodies.Trim(new string('x', 2_000), new string('n', 600), Small));
    }

    [Fact]
    public void SplitLabelled_ThreeParts_EachEndsWithItsLabel()
    {
        var parts = CommentBodies.SplitLabelled(A + "\n" + B + "\n" + C, Small);

        Assert.Equal([A + "\n\n_(part 1 of 3)_", B + "\n\n_(part 2 of 3)_", C + "\n\n_(part 3 of 3)_"], parts);
    }

    [Fact]
    public void SplitLabelled_MoreThanNineParts_WiderLabelsStillWithinBudget()
    {
        var markdown = string.Concat(Enumerable.Repeat(A + "\n", 30));

        var parts = CommentBodies.SplitLabelled(markdown, Small);

        Assert.Equal(30, parts.Count);
        Assert.EndsWith("\n\n_(part 12 of 30)_", parts[11], StringComparison.Ordinal);
        Assert.All(parts, part => Assert.InRange(part.Length, 1, Small));
    }

    [Fact]
    public void SplitLabelled_EndsInsideAFenceTheInputLeftOpen_LabelIsOutsideIt()
    {
        var markdown = "```\n" + Lines('x', 10);

        var parts = CommentBodies.SplitLabelled(markdown, Small);

        Assert.EndsWith("\n```\n\n_(part 2 of 2)_", parts[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Split_DetailsNestedTooDeepToReopen_StillWithinBudgetAndWhole()
    {
        var markdown = string.Concat(Enumerable.Repeat("<details><summary>level</summary>\n", 300)) + Lines('x', 10)
            + string.Concat(Enumerable.Repeat("</details>\n", 300));

        var parts = CommentBodies.Parts(markdown, Small);

        Assert.All(parts, part => Assert.InRange(part.Text.Length, 1, Small));
        Assert.Equal(markdown, string.Concat(parts.Select(part => part.Content)));
    }

    [Fact]
    public void Split_HeaderTooLongToReopen_ReopenedBare()
    {
        var markdown = "<details>\n<summary>" + new string('s', 600) + "</summary>\n\n```" + new string('i', 600) + "\n" + Lines('x', 10) + "```\n</details>\n";

        var parts = CommentBodies.Parts(markdown, Small);

        Assert.Contains("<details>\n\n```\n", parts.Select(part => part.Opening));
        AssertSplitsWell(markdown, Small);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Split_GeneratedAnswers_PartsFitRenderAloneAndLoseNothing(int seed, int budget, bool crlf)
    {
        var generator = new MarkdownDocuments(seed, budget);
        var length = new Random(seed).Next(budget / 2, budget * 6);
        var markdown = generator.Next(length, crlf);
        Assert.Null(MarkdownBalance.Problem(markdown));

        AssertSplitsWell(markdown, budget);
    }

    public static TheoryData<int, int, bool> Documents()
    {
        var data = new TheoryData<int, int, bool>();
        foreach (var budget in new[] { 1_000, 1_733, 4_096, CommentBodies.Budget })
        {
            for (var seed = 1; seed <= (budget == CommentBodies.Budget ? 12 : 40); seed++)
            {
                data.Add(seed, budget, seed % 3 == 0);
            }
        }

        return data;
    }

    /// <summary>Every property a split, a trim and a labelled split of <paramref name="markdown"/> must have.</summary>
    private static void AssertSplitsWell(string markdown, int budget)
    {
        var parts = CommentBodies.Parts(markdown, budget);

        Assert.Equal(parts.Select(part => part.Text), CommentBodies.Split(markdown, budget));
        Assert.Equal(markdown, string.Concat(parts.Select(part => part.Content)));
        Assert.All(parts, part => Assert.InRange(part.Text.Length, Math.Min(1, markdown.Length), budget));
        if (markdown.Length <= budget)
        {
            Assert.Equal(markdown, Assert.Single(parts).Text);
            return;
        }

        var crlf = markdown.Contains("\r\n", StringComparison.Ordinal);
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            Assert.True(MarkdownBalance.Problem(part.Text) is null, $"part {i + 1} of {parts.Count}: {MarkdownBalance.Problem(part.Text)}");
            Assert.False(char.IsLowSurrogate(part.Content[0]), $"part {i + 1} starts inside a surrogate pair");
            Assert.False(char.IsHighSurrogate(part.Content[^1]), $"part {i + 1} ends inside a surrogate pair");
            Assert.True(Regex.IsMatch(part.Closing, @"^(\r?\n)?((`{3,}|~{3,}|</details>)\r?\n)*$"), $"part {i + 1} closes with more than closing lines: {part.Closing}");
            Assert.All(AddedLines(part.Opening), line => Assert.Contains(line, markdown, StringComparison.Ordinal));
            if (crlf)
            {
                Assert.DoesNotMatch(LoneLineFeed(), part.Text);
            }

            if (i > 0)
            {
                // What one part closes, the next reopens, block for block.
                var reopenedThenClosed = part.Opening + parts[i - 1].Closing.TrimStart('\r', '\n');
                Assert.True(MarkdownBalance.Problem(reopenedThenClosed) is null, $"part {i + 1} reopens what part {i} did not close: {reopenedThenClosed}");
            }
        }

        var trimmed = CommentBodies.Trim(markdown, Note, budget);
        Assert.InRange(trimmed.Length, 1, budget);
        var omitted = TrimmedCount().Match(trimmed);
        Assert.True(omitted.Success, "the note ends the trimmed body");
        var shown = markdown.Length - int.Parse(omitted.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.InRange(shown, 1, markdown.Length - 1);
        Assert.StartsWith(markdown[..shown], trimmed, StringComparison.Ordinal);
        Assert.Null(MarkdownBalance.Problem(trimmed));

        var labelled = CommentBodies.SplitLabelled(markdown, budget);
        for (var i = 0; i < labelled.Count; i++)
        {
            Assert.InRange(labelled[i].Length, 1, budget);
            Assert.EndsWith($"_(part {i + 1} of {labelled.Count})_", labelled[i], StringComparison.Ordinal);
            Assert.Null(MarkdownBalance.Problem(labelled[i]));
        }
    }

    /// <summary>The lines of a part's opening, less the blank ones and bare reopenings, each of which came from the input.</summary>
    private static IEnumerable<string> AddedLines(string opening) => opening
        .Split('\n')
        .Select(line => line.TrimEnd('\r'))
        .Where(line => line.Length > 0 && line != "<details>" && !Regex.IsMatch(line, "^(`{3,}|~{3,})$"));

    /// <summary><paramref name="count"/> lines of 149 times <paramref name="letter"/>: 150 characters each with the line feed.</summary>
    private static string Lines(char letter, int count) => string.Concat(Enumerable.Repeat(new string(letter, 149) + "\n", count));

    [GeneratedRegex(@"(?<!\r)\n")]
    private static partial Regex LoneLineFeed();

    [GeneratedRegex(@"\r?\n\r?\n_… trimmed: ([0-9,]+) more characters — the whole answer: `kelos get task x -o json`_$")]
    private static partial Regex TrimmedCount();
}
