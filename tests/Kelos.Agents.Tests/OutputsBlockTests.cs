namespace Kelos.Agents.Tests;

public class OutputsBlockTests
{
    private static readonly KeyValuePair<string, string>[] Pairs =
    [
        new("branch", "kelos/fix-flaky-test"),
        new("commit", "6d0c2f9e1b7a4c3d2e1f0a9b8c7d6e5f4a3b2c1d"),
        new("base-branch", "main"),
        new("pr", "https://github.com/acme/widgets/pull/41"),
        new("pr", "https://github.com/acme/widgets/pull/42"),
        new("input-tokens", "24763"),
        new("output-tokens", "1184"),
        new("cost-usd", "0.0873214"),
        new("response", OutputsBlock.EncodeResponse("Fixed it.")),
    ];

    [Fact]
    public void Write_Pairs_ProducesTheDocumentedBlock()
    {
        var block = OutputsBlock.Write(Pairs);

        Assert.Equal(
            """
            ---KELOS_OUTPUTS_START---
            branch: kelos/fix-flaky-test
            commit: 6d0c2f9e1b7a4c3d2e1f0a9b8c7d6e5f4a3b2c1d
            base-branch: main
            pr: https://github.com/acme/widgets/pull/41
            pr: https://github.com/acme/widgets/pull/42
            input-tokens: 24763
            output-tokens: 1184
            cost-usd: 0.0873214
            response: Rml4ZWQgaXQu
            ---KELOS_OUTPUTS_END---

            """.ReplaceLineEndings("\n"),
            block);
    }

    [Fact]
    public void ParseLast_WrittenBlockAmongAgentOutput_RoundTrips()
    {
        var log = new List<string> { """{"type":"result","result":"Fixed it."}""", "" };
        log.AddRange(OutputsBlock.Write(Pairs).Split('\n'));

        var parsed = OutputsBlock.ParseLast(log);

        Assert.NotNull(parsed);
        Assert.Equal(Pairs.Select(pair => $"{pair.Key}: {pair.Value}"), parsed.Outputs);
        Assert.Equal("kelos/fix-flaky-test", parsed.Results["branch"]);
        Assert.Equal("https://github.com/acme/widgets/pull/42", parsed.Results["pr"]);
        Assert.Equal("Fixed it.", OutputsBlock.DecodeResponse(parsed.Results["response"]));
        Assert.Equal(8, parsed.Results.Count);
    }

    [Fact]
    public void ParseLast_TwoBlocks_TakesTheLastPair()
    {
        string[] log =
        [
            OutputsBlock.StartMarker, "branch: first", "commit: aaa", OutputsBlock.EndMarker,
            "agent keeps talking",
            OutputsBlock.StartMarker, "branch: second", OutputsBlock.EndMarker,
        ];

        var parsed = OutputsBlock.ParseLast(log);

        Assert.NotNull(parsed);
        Assert.Equal(["branch: second"], parsed.Outputs);
        Assert.Equal(new Dictionary<string, string> { ["branch"] = "second" }, parsed.Results);
    }

    [Fact]
    public void ParseLast_UnclosedBlockAfterACompleteOne_TakesTheCompleteOne()
    {
        string[] log =
        [
            OutputsBlock.StartMarker, "branch: done", OutputsBlock.EndMarker,
            OutputsBlock.StartMarker, "branch: cut off",
        ];

        var parsed = OutputsBlock.ParseLast(log);

        Assert.NotNull(parsed);
        Assert.Equal("done", parsed.Results["branch"]);
    }

    [Fact]
    public void ParseLast_DuplicateKeys_LastWinsInResultsAndAllStayInOutputs()
    {
        string[] log = [OutputsBlock.StartMarker, "pr: https://x/pull/1", "pr: https://x/pull/2", OutputsBlock.EndMarker];

        var parsed = OutputsBlock.ParseLast(log);

        Assert.NotNull(parsed);
        Assert.Equal(["pr: https://x/pull/1", "pr: https://x/pull/2"], parsed.Outputs);
        Assert.Equal("https://x/pull/2", parsed.Results["pr"]);
    }

    [Fact]
    public void ParseLast_ValueHoldingColonSpace_SplitsOnTheFirstOnly()
    {
        string[] log = [OutputsBlock.StartMarker, "note: see: the docs", "empty: ", "bare:", "no separator here", OutputsBlock.EndMarker];

        var parsed = OutputsBlock.ParseLast(log);

        Assert.NotNull(parsed);
        Assert.Equal("see: the docs", parsed.Results["note"]);
        Assert.Equal("", parsed.Results["empty"]);
        Assert.Equal("", parsed.Results["bare"]);
        Assert.Equal(3, parsed.Results.Count);
        Assert.Contains("no separator here", parsed.Outputs);
    }

    [Fact]
    public void ParseLast_WindowsLineEndings_AreIgnored()
    {
        string[] log = [OutputsBlock.StartMarker + "\r", "branch: main\r", OutputsBlock.EndMarker + "\r"];

        var parsed = OutputsBlock.ParseLast(log);

        Assert.NotNull(parsed);
        Assert.Equal("main", parsed.Results["branch"]);
    }

    public static TheoryData<string[]> LogsWithoutACompleteBlock { get; } = new()
    {
        Array.Empty<string>(),
        new[] { "just output" },
        new[] { OutputsBlock.StartMarker, "branch: main" },
        new[] { OutputsBlock.EndMarker, OutputsBlock.StartMarker, "branch: main" },
    };

    [Theory]
    [MemberData(nameof(LogsWithoutACompleteBlock))]
    public void ParseLast_NoCompleteBlock_IsNull(string[] log) => Assert.Null(OutputsBlock.ParseLast(log));

    [Theory]
    [InlineData("", "x")]
    [InlineData("cost usd", "1")]
    [InlineData("pr:", "x")]
    [InlineData("response", "two\nlines")]
    public void Write_KeyOrValueThatWouldNotParseBack_Throws(string key, string value) =>
        Assert.Throws<ArgumentException>(() => OutputsBlock.Write([new(key, value)]));

    [Fact]
    public void EncodeResponse_Unicode_RoundTripsThroughBase64()
    {
        const string answer = "Fixed ✓ — see `parser.test.js`\nLine two";

        var encoded = OutputsBlock.EncodeResponse(answer);

        Assert.DoesNotContain('\n', encoded);
        Assert.Equal(answer, OutputsBlock.DecodeResponse(encoded));
    }

    [Fact]
    public void SummaryPairs_Summary_GivesUsageCostAndResponse()
    {
        var summary = new AgentRunSummary(false, null, "Done.", 14, 845, 0.0873214m);

        var pairs = OutputsBlock.SummaryPairs(summary);

        Assert.Equal(
            [new("input-tokens", "14"), new("output-tokens", "845"), new("cost-usd", "0.0873214"), new("response", "RG9uZS4=")],
            pairs);
    }

    [Fact]
    public void SummaryPairs_NothingKnown_GivesNothing()
    {
        Assert.Empty(OutputsBlock.SummaryPairs(new AgentRunSummary(true, "boom", null, null, null, null)));
    }
}
