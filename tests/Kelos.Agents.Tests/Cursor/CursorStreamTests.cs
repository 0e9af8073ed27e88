namespace Kelos.Agents.Tests.Cursor;

public class CursorStreamTests
{
    private const string Agent = "cursor";

    [Fact]
    public void Complete_SuccessStream_ReportsCamelCaseUsageAndResult()
    {
        var summary = StreamSamples.Run(Agent, "success", exitCode: 0);

        Assert.False(summary.Failed);
        Assert.Null(summary.FailureReason);
        Assert.Equal("Created `hello.sh` and committed it on `kelos/hello`.", summary.FinalAnswer);
        Assert.Equal(14948, summary.InputTokens);
        Assert.Equal(231, summary.OutputTokens);
        Assert.Null(summary.CostUsd);
    }

    [Fact]
    public void Complete_IsError_FailsWithTheResultText()
    {
        var summary = StreamSamples.Run(Agent, "error", exitCode: 1);

        Assert.True(summary.Failed);
        Assert.Equal(
            "Cursor reported an error: You've hit your usage limit for Claude 4.5 Sonnet. Switch to Auto or upgrade your plan to continue. (subtype error)",
            summary.FailureReason);
        Assert.Null(summary.FinalAnswer);
        Assert.Equal(0, summary.InputTokens);
    }

    [Fact]
    public void Complete_NoResultLine_FailsWithoutResult()
    {
        var lines = StreamSamples.Lines(Agent, "success").SkipLast(1);

        var summary = StreamSamples.Run(Agent, lines, exitCode: 0);

        Assert.True(summary.Failed);
        Assert.Equal("Cursor ended without a result", summary.FailureReason);
    }

    [Fact]
    public void FormatLogLine_SuccessStream_ShowsTextToolCallsAndResult()
    {
        var entries = StreamSamples.Format(Agent, "success");

        Assert.Equal(
            [
                new(AgentLogKind.Text, "I'll create the script and commit it."),
                new(AgentLogKind.ToolCall, "→ edit: /workspace/repo/hello.sh"),
                new(AgentLogKind.ToolResult, "← --- a/hello.sh +++ b/hello.sh @@ -0,0 +1,2 @@ +#!/bin/sh +echo hello"),
                new(AgentLogKind.ToolCall, "→ shell: git add hello.sh && git commit -m \"Add hello script\""),
                new(AgentLogKind.ToolResult, "← exit 0: [kelos/hello 1a2b3c4] Add hello script 1 file changed, 2 insertions(+) create mode 100644 hello.sh"),
                new(AgentLogKind.Text, "Created `hello.sh` and committed it on `kelos/hello`."),
                new(AgentLogKind.Result, "finished: 14948 in / 231 out tokens"),
            ],
            entries);
    }

    [Fact]
    public void FormatLogLine_RejectedShellCall_IsMarkedFailed()
    {
        var line = """{"type":"tool_call","subtype":"completed","call_id":"c1","tool_call":{"shellToolCall":{"result":{"rejected":{"command":"rm -rf /","workingDirectory":"/workspace/repo","reason":"","isReadonly":false}}}},"session_id":"s"}""";

        var entry = Assert.Single(new CursorAdapter().FormatLogLine(line));

        Assert.Equal(new AgentLogEntry(AgentLogKind.ToolResult, "← ✗ rejected"), entry);
    }
}
