using Kelos.Agents;
using Kelos.Testing;

namespace Kelos.Images.Tests;

/// <summary>
/// The capture step (<c>kelos-capture.mjs</c>) on every recorded stream the C# parsers are tested on, outside a
/// git repository: it passes the stream through unchanged and prints the same usage, cost and answer pairs as
/// <see cref="OutputsBlock.SummaryPairs"/>, so Kelos reads an image's results like an embedded run's.
/// </summary>
public sealed class CaptureStepTests : IDisposable
{
    private readonly ImageLayout layout = ImageLayout.For("claude-code");
    private readonly string outsideGit = Directory.CreateTempSubdirectory("kelos-capture-").FullName;

    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var directory in Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "Streams")).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(directory, "*.jsonl").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(directory), Path.GetFileNameWithoutExtension(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Capture_RecordedStream_PrintsTheSummaryPairsOfTheCSharpParser(string agentType, string sample)
    {
        var stream = EntrypointRun.StreamFile(agentType, sample);

        var result = await CaptureAsync(agentType, stream);

        Assert.True(result.ExitCode == 0, result.ToString());
        var expected = OutputsBlock.Write(OutputsBlock.SummaryPairs(EntrypointTests.Summary(agentType, sample, 0)));
        Assert.Equal(File.ReadAllText(stream) + expected, result.StandardOutput);
    }

    [Fact]
    public async Task Capture_AgentPrintsItsOwnBlock_ItsPairsComeLastSoTheyWin()
    {
        var stream = Path.Combine(outsideGit, "own.txt");
        File.WriteAllText(stream, "working\n---KELOS_OUTPUTS_START---\nresponse: b3du\nreport: done\n---KELOS_OUTPUTS_END---\nbye");

        var result = await CaptureAsync("custom", stream);

        var block = OutputsBlock.ParseLast(result.OutputLines)!;
        Assert.Equal(["response: b3du", "report: done"], block.Outputs);
        Assert.EndsWith("bye\n" + OutputsBlock.Write([new("response", "b3du"), new("report", "done")]), result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Capture_OpenCodeCostsOverSteps_AddsThemExactly()
    {
        var stream = Path.Combine(outsideGit, "steps.jsonl");
        File.WriteAllLines(stream,
        [
            """{"type":"step_finish","part":{"cost":0.1,"tokens":{"input":1,"output":2}}}""",
            """{"type":"step_finish","part":{"cost":0.2,"tokens":{"input":3,"output":4}}}""",
            """{"type":"step_finish","part":{"cost":1e-7,"tokens":{"input":5,"output":6}}}""",
        ]);

        var result = await CaptureAsync("opencode", stream);

        var results = OutputsBlock.ParseLast(result.OutputLines)!.Results;
        Assert.Equal("0.3000001", results["cost-usd"]);
        Assert.Equal("9", results["input-tokens"]);
        Assert.Equal("12", results["output-tokens"]);
    }

    public void Dispose()
    {
        layout.Dispose();
        Directory.Delete(outsideGit, recursive: true);
    }

    private Task<CommandResult> CaptureAsync(string agentType, string stream) =>
        CommandRunner.RunAsync("bash", ["-c", "node \"$0\" \"$1\" < \"$2\"", layout.Capture, agentType, stream], outsideGit);
}
