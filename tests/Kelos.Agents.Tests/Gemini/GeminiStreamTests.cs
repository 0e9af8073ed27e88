namespace Kelos.Agents.Tests.Gemini;

public class GeminiStreamTests
{
    private const string Agent = "gemini";

    [Fact]
    public void Complete_SuccessStream_ReportsStatsAndTheLastAnswerFromDeltas()
    {
        var summary = StreamSamples.Run(Agent, "success", exitCode: 0);

        Assert.False(summary.Failed);
        Assert.Null(summary.FailureReason);
        Assert.Equal("Created `hello.sh` and committed it on `kelos/hello`.", summary.FinalAnswer);
        Assert.Equal(18211, summary.InputTokens);
        Assert.Equal(723, summary.OutputTokens);
        Assert.Null(summary.CostUsd);
    }

    [Fact]
    public void Complete_ResultStatusError_FailsWithItsMessage()
    {
        var summary = StreamSamples.Run(Agent, "error", exitCode: 1);

        Assert.True(summary.Failed);
        Assert.Equal(
            "Gemini failed: [API Error: You exceeded your current quota, please check your plan and billing details. (Status: RESOURCE_EXHAUSTED)] (Error)",
            summary.FailureReason);
        Assert.Null(summary.FinalAnswer);
        Assert.Equal(0, summary.InputTokens);
        Assert.Equal(0, summary.OutputTokens);
    }

    [Fact]
    public void Complete_EndsOnAToolCall_AnswerIsTheTextBeforeIt()
    {
        var lines = StreamSamples.Lines(Agent, "success").Take(6).Append("""{"type":"result","timestamp":"2026-11-20T10:15:06Z","status":"success","stats":{"input_tokens":1,"output_tokens":2}}""");

        var summary = StreamSamples.Run(Agent, lines, exitCode: 0);

        Assert.Equal("I'll create the script and commit it.", summary.FinalAnswer);
    }

    [Fact]
    public void Complete_NoResultLine_FailsWithoutResult()
    {
        var lines = StreamSamples.Lines(Agent, "success").Take(4);

        var summary = StreamSamples.Run(Agent, lines, exitCode: 130);

        Assert.True(summary.Failed);
        Assert.Equal("Gemini ended without a result (exit code 130)", summary.FailureReason);
    }

    [Fact]
    public void Complete_NoResultButAnErrorEvent_FailsWithTheError()
    {
        string[] lines = ["""{"type":"error","timestamp":"2026-11-20T10:15:02Z","severity":"error","message":"Invalid auth method selected."}"""];

        var summary = StreamSamples.Run(Agent, lines, exitCode: 41);

        Assert.Equal("Gemini error: Invalid auth method selected.", summary.FailureReason);
    }

    [Fact]
    public void FormatLogLine_SuccessStream_ShowsTextToolsAndResult()
    {
        var entries = StreamSamples.Format(Agent, "success");

        Assert.Equal(
            [
                new(AgentLogKind.Text, "I'll create the script"),
                new(AgentLogKind.Text, "and commit it."),
                new(AgentLogKind.ToolCall, "→ write_file: /workspace/repo/hello.sh"),
                new(AgentLogKind.ToolResult, "← Successfully created and wrote to new file: /workspace/repo/hello.sh."),
                new(AgentLogKind.ToolCall, "→ run_shell_command: git add hello.sh && git commit -m \"Add hello script\""),
                new(AgentLogKind.ToolResult, "← [kelos/hello 5d1e7b2] Add hello script 1 file changed, 2 insertions(+) create mode 100644 hello.sh"),
                new(AgentLogKind.Text, "Created `hello.sh` and committed it"),
                new(AgentLogKind.Text, "on `kelos/hello`."),
                new(AgentLogKind.Result, "finished: 18211 in / 723 out tokens, 2 tool calls"),
            ],
            entries);
    }

    [Fact]
    public void FormatLogLine_ErrorResult_IsAnError()
    {
        var entry = Assert.Single(StreamSamples.Format(Agent, "error"));

        Assert.Equal(AgentLogKind.Error, entry.Kind);
        Assert.StartsWith("failed: [API Error: You exceeded your current quota", entry.Text, StringComparison.Ordinal);
    }
}
