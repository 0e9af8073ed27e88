namespace Kelos.Agents.Tests.Codex;

public class CodexStreamTests
{
    private const string Agent = "codex";

    [Fact]
    public void Complete_SuccessStream_ReportsUsageAndLastAgentMessage()
    {
        var summary = StreamSamples.Run(Agent, "success", exitCode: 0);

        Assert.False(summary.Failed);
        Assert.Null(summary.FailureReason);
        Assert.Equal("Added `hello.sh` (prints `hello`) and committed it on `kelos/hello` as 6d0c2f9.", summary.FinalAnswer);
        Assert.Equal(24763, summary.InputTokens);
        Assert.Equal(1184, summary.OutputTokens);
        Assert.Null(summary.CostUsd);
    }

    [Fact]
    public void Complete_TurnFailed_FailsWithItsMessage()
    {
        var summary = StreamSamples.Run(Agent, "turn-failed", exitCode: 1);

        Assert.True(summary.Failed);
        Assert.StartsWith("Codex turn failed: unexpected status 401 Unauthorized: {", summary.FailureReason, StringComparison.Ordinal);
        Assert.Contains("invalid_api_key", summary.FailureReason, StringComparison.Ordinal);
        Assert.Null(summary.FinalAnswer);
        Assert.Null(summary.InputTokens);
        Assert.Null(summary.OutputTokens);
    }

    [Fact]
    public void Complete_TwoTurns_SumsUsage()
    {
        string[] lines =
        [
            """{"type":"thread.started","thread_id":"t"}""",
            """{"type":"turn.started"}""",
            """{"type":"item.completed","item":{"id":"item_0","type":"agent_message","text":"First."}}""",
            """{"type":"turn.completed","usage":{"input_tokens":100,"cached_input_tokens":0,"output_tokens":10}}""",
            """{"type":"turn.started"}""",
            """{"type":"item.completed","item":{"id":"item_1","type":"agent_message","text":"Second."}}""",
            """{"type":"turn.completed","usage":{"input_tokens":250,"cached_input_tokens":100,"output_tokens":32}}""",
        ];

        var summary = StreamSamples.Run(Agent, lines, exitCode: 0);

        Assert.False(summary.Failed);
        Assert.Equal(350, summary.InputTokens);
        Assert.Equal(42, summary.OutputTokens);
        Assert.Equal("Second.", summary.FinalAnswer);
    }

    [Fact]
    public void Complete_ErrorEventWithoutALaterTurn_FailsWithTheError()
    {
        string[] lines =
        [
            """{"type":"thread.started","thread_id":"t"}""",
            """{"type":"turn.started"}""",
            """{"type":"error","message":"stream disconnected before completion: connection reset"}""",
        ];

        var summary = StreamSamples.Run(Agent, lines, exitCode: 1);

        Assert.True(summary.Failed);
        Assert.Equal("Codex error: stream disconnected before completion: connection reset", summary.FailureReason);
    }

    [Fact]
    public void Complete_NoTurnCompleted_Fails()
    {
        string[] lines = ["""{"type":"thread.started","thread_id":"t"}""", """{"type":"turn.started"}"""];

        var summary = StreamSamples.Run(Agent, lines, exitCode: 0);

        Assert.True(summary.Failed);
        Assert.Equal("Codex ended without completing its turn", summary.FailureReason);
    }

    [Fact]
    public void Complete_CompletedTurnButNonZeroExit_FailsWithTheExitCode()
    {
        var summary = StreamSamples.Run(Agent, "success", exitCode: 3);

        Assert.True(summary.Failed);
        Assert.Equal("Codex exited with code 3", summary.FailureReason);
    }

    [Fact]
    public void FormatLogLine_SuccessStream_ShowsCommandsPatchesAnswerAndUsage()
    {
        var entries = StreamSamples.Format(Agent, "success");

        Assert.Equal(
            [
                new(AgentLogKind.ToolCall, "→ shell: bash -lc 'ls -la'"),
                new(AgentLogKind.ToolResult, "← exit 0: total 16 drwxr-xr-x 4 kelos kelos 4096 Nov 20 10:14 . drwxr-xr-x 3 kelos kelos 4096 Nov 20 10:14 .. drwxr-xr-x 8 kelos kelos 4096 Nov 20 10:14 .git -rw-r--r-- 1 kelos kelos 42 Nov 20 10:14 REA…"),
                new(AgentLogKind.Error, "Reconnecting... 1/5 (stream disconnected before completion: error sending request for url (http://127.0.0.1:41873/v1/responses))"),
                new(AgentLogKind.ToolCall, "→ apply_patch: add /workspace/repo/hello.sh"),
                new(AgentLogKind.ToolCall, "→ shell: bash -lc 'git add hello.sh && git commit -m \"Add hello script\"'"),
                new(AgentLogKind.ToolResult, "← exit 0: [kelos/hello 6d0c2f9] Add hello script 1 file changed, 2 insertions(+) create mode 100755 hello.sh"),
                new(AgentLogKind.Text, "Added `hello.sh` (prints `hello`) and committed it on `kelos/hello` as 6d0c2f9."),
                new(AgentLogKind.Result, "turn completed: 24763 in / 1184 out tokens"),
            ],
            entries);
    }

    [Fact]
    public void FormatLogLine_TurnFailed_IsAnError()
    {
        var entries = StreamSamples.Format(Agent, "turn-failed");

        Assert.Equal(2, entries.Count(entry => entry.Kind == AgentLogKind.Error));
        Assert.StartsWith("turn failed: unexpected status 401", entries[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatLogLine_FailedCommand_IsMarked()
    {
        var line = """{"type":"item.completed","item":{"id":"item_5","type":"command_execution","command":"bash -lc 'npm test'","aggregated_output":"1 failing\n","exit_code":1,"status":"failed"}}""";

        var entry = Assert.Single(new CodexAdapter().FormatLogLine(line));

        Assert.Equal(new AgentLogEntry(AgentLogKind.ToolResult, "← ✗ exit 1: 1 failing"), entry);
    }
}
