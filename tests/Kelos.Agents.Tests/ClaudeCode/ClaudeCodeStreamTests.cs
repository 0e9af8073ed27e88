namespace Kelos.Agents.Tests.ClaudeCode;

public class ClaudeCodeStreamTests
{
    private const string Agent = "claude-code";

    [Fact]
    public void Complete_SuccessStream_ReportsUsageCostAndAnswer()
    {
        var summary = StreamSamples.Run(Agent, "success", exitCode: 0);

        Assert.False(summary.Failed);
        Assert.Null(summary.FailureReason);
        Assert.Equal("Added `hello.sh`, which prints \"hello\", and committed it on `kelos/hello` as 3f2a9c1.", summary.FinalAnswer);
        Assert.Equal(14, summary.InputTokens);
        Assert.Equal(845, summary.OutputTokens);
        Assert.Equal(0.0873214m, summary.CostUsd);
    }

    [Fact]
    public void Complete_IsErrorWithSubtypeSuccess_FailsWithTheApiError()
    {
        var summary = StreamSamples.Run(Agent, "api-error", exitCode: 1);

        Assert.True(summary.Failed);
        Assert.StartsWith("Claude Code reported an error: API Error: 529 {", summary.FailureReason, StringComparison.Ordinal);
        Assert.EndsWith("(api_error_status 529, terminal_reason api_error)", summary.FailureReason, StringComparison.Ordinal);
        Assert.Contains("overloaded_error", summary.FailureReason, StringComparison.Ordinal);
        Assert.Null(summary.FinalAnswer);
        Assert.Equal(0, summary.InputTokens);
        Assert.Equal(0, summary.OutputTokens);
        Assert.Equal(0m, summary.CostUsd);
    }

    [Fact]
    public void Complete_LastAssistantStopReasonToolUse_FailsAsStoppedMidWork()
    {
        var summary = StreamSamples.Run(Agent, "stopped-mid-work", exitCode: 0);

        Assert.True(summary.Failed);
        Assert.Equal("Claude Code stopped mid-work, the run is incomplete (stop_reason tool_use)", summary.FailureReason);
        Assert.Equal("Let me run the tests before changing anything.", summary.FinalAnswer);
        Assert.Equal(11, summary.InputTokens);
        Assert.Equal(118, summary.OutputTokens);
        Assert.Equal(0.0512338m, summary.CostUsd);
    }

    /// <summary>Claude Code 2.1.330 against a model that stops on tool_use without a tool call (recorded, trimmed).</summary>
    [Fact]
    public void Complete_MalformedToolUseExhausted_FailsAsIncomplete()
    {
        var summary = StreamSamples.Run(Agent, "malformed-tool-use", exitCode: 1);

        Assert.True(summary.Failed);
        Assert.Equal(
            "Claude Code stopped mid-work, the run is incomplete: The model's tool call could not be parsed (retry also failed). (terminal_reason malformed_tool_use_exhausted)",
            summary.FailureReason);
        Assert.Equal(4800, summary.InputTokens);
        Assert.Equal(320, summary.OutputTokens);
    }

    [Fact]
    public void Complete_ResultLineStopReasonMaxTokens_FailsAsStoppedMidWork()
    {
        string[] lines =
        [
            """{"type":"assistant","message":{"id":"msg_1","type":"message","role":"assistant","content":[{"type":"text","text":"Here is the"}],"stop_reason":null},"parent_tool_use_id":null,"session_id":"s"}""",
            """{"type":"result","subtype":"success","is_error":false,"num_turns":1,"result":"Here is the","stop_reason":"max_tokens","terminal_reason":"completed","total_cost_usd":0.01,"usage":{"input_tokens":5,"output_tokens":64000}}""",
        ];

        var summary = StreamSamples.Run(Agent, lines, exitCode: 0);

        Assert.True(summary.Failed);
        Assert.Equal("Claude Code stopped mid-work, the run is incomplete (stop_reason max_tokens)", summary.FailureReason);
    }

    [Fact]
    public void Complete_SubAgentStoppedOnToolUse_DoesNotCountAsTheMainLoop()
    {
        string[] lines =
        [
            """{"type":"assistant","message":{"id":"msg_2","type":"message","role":"assistant","content":[{"type":"tool_use","id":"toolu_2","name":"Grep","input":{"pattern":"TODO"}}],"stop_reason":"tool_use"},"parent_tool_use_id":"toolu_1","session_id":"s"}""",
            """{"type":"result","subtype":"success","is_error":false,"num_turns":3,"result":"Done.","total_cost_usd":0.02,"usage":{"input_tokens":9,"output_tokens":40}}""",
        ];

        var summary = StreamSamples.Run(Agent, lines, exitCode: 0);

        Assert.False(summary.Failed);
        Assert.Equal("Done.", summary.FinalAnswer);
    }

    [Fact]
    public void Complete_KilledBeforeResult_FailsWithoutResultAndExitCode()
    {
        var summary = StreamSamples.Run(Agent, "no-result", exitCode: 137);

        Assert.True(summary.Failed);
        Assert.Equal("Claude Code ended without a result (exit code 137)", summary.FailureReason);
        Assert.Null(summary.InputTokens);
        Assert.Null(summary.CostUsd);
    }

    [Fact]
    public void Complete_NothingButAPlainErrorLine_FailsNamingThatLine()
    {
        var summary = StreamSamples.Run(Agent, ["Invalid API key · Please run /login"], exitCode: 1);

        Assert.True(summary.Failed);
        Assert.Equal("Claude Code ended without a result (exit code 1): Invalid API key · Please run /login", summary.FailureReason);
    }

    [Fact]
    public void Complete_EmptyStreamExitZero_FailsWithoutResult()
    {
        var summary = StreamSamples.Run(Agent, [], exitCode: 0);

        Assert.True(summary.Failed);
        Assert.Equal("Claude Code ended without a result", summary.FailureReason);
    }

    [Fact]
    public void Complete_CleanResultButNonZeroExit_FailsWithTheExitCode()
    {
        var summary = StreamSamples.Run(Agent, "success", exitCode: 2);

        Assert.True(summary.Failed);
        Assert.Equal("Claude Code exited with code 2", summary.FailureReason);
        Assert.Equal(845, summary.OutputTokens);
    }

    [Fact]
    public void Feed_PlainLinesBetweenEvents_AreTolerated()
    {
        var lines = StreamSamples.Lines(Agent, "success").SelectMany(line => new[] { line, "", "npm WARN deprecated glob@7.2.3", "{not json" });

        var summary = StreamSamples.Run(Agent, lines, exitCode: 0);

        Assert.False(summary.Failed);
        Assert.Equal(845, summary.OutputTokens);
    }

    [Fact]
    public void FormatLogLine_SuccessStream_ShowsTextToolCallsResultsAndResult()
    {
        var entries = StreamSamples.Format(Agent, "success");

        Assert.Equal(
            [
                new(AgentLogKind.Text, "I'll add the script, make it executable and commit it."),
                new(AgentLogKind.ToolCall, "→ Write: /workspace/repo/hello.sh"),
                new(AgentLogKind.ToolResult, "← File created successfully at: /workspace/repo/hello.sh"),
                new(AgentLogKind.ToolCall, "→ Bash: chmod +x hello.sh && git add hello.sh && git commit -m \"Add hello script\""),
                new(AgentLogKind.ToolResult, "← [kelos/hello 3f2a9c1] Add hello script 1 file changed, 2 insertions(+) create mode 100755 hello.sh"),
                new(AgentLogKind.Text, "Added `hello.sh`, which prints \"hello\", and committed it on `kelos/hello` as 3f2a9c1."),
                new(AgentLogKind.Result, "finished after 5 turns: 14 in / 845 out tokens, $0.0873214"),
            ],
            entries);
    }

    [Fact]
    public void FormatLogLine_ApiErrorStream_ShowsTheSyntheticMessageAndResultAsErrors()
    {
        var entries = StreamSamples.Format(Agent, "api-error");

        Assert.Equal([AgentLogKind.Error, AgentLogKind.Error], entries.Select(entry => entry.Kind));
        Assert.StartsWith("API Error: 529", entries[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("failed: API Error: 529", entries[1].Text, StringComparison.Ordinal);
        Assert.EndsWith("(0 in / 0 out tokens, $0)", entries[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatLogLine_ApiRetry_IsShownAsAnError()
    {
        var line = """{"type":"system","subtype":"api_retry","attempt":1,"max_retries":10,"retry_delay_ms":1000,"error_status":429,"session_id":"s"}""";

        var entry = Assert.Single(new ClaudeCodeAdapter().FormatLogLine(line));

        Assert.Equal(new AgentLogEntry(AgentLogKind.Error, "API error 429, retrying (attempt 1 of 10)"), entry);
    }

    [Fact]
    public void FormatLogLine_LongToolResult_IsCutToAbout200Characters()
    {
        var output = new string('x', 5000);
        var line = $$"""{"type":"user","message":{"role":"user","content":[{"tool_use_id":"toolu_1","type":"tool_result","content":"{{output}}","is_error":true}]},"parent_tool_use_id":null}""";

        var entry = Assert.Single(new ClaudeCodeAdapter().FormatLogLine(line));

        Assert.Equal(AgentLogKind.ToolResult, entry.Kind);
        Assert.StartsWith("← ✗ xxx", entry.Text, StringComparison.Ordinal);
        Assert.EndsWith("…", entry.Text, StringComparison.Ordinal);
        Assert.InRange(entry.Text.Length, 200, 210);
    }

    [Theory]
    [InlineData("Resolving dependencies…")]
    [InlineData("---KELOS_OUTPUTS_START---")]
    public void FormatLogLine_PlainLine_IsRaw(string line)
    {
        var entry = Assert.Single(new ClaudeCodeAdapter().FormatLogLine(line));

        Assert.Equal(new AgentLogEntry(AgentLogKind.Raw, line), entry);
    }

    [Fact]
    public void FormatLogLine_InitLine_IsDropped()
    {
        var init = StreamSamples.Lines(Agent, "success")[0];

        Assert.Empty(new ClaudeCodeAdapter().FormatLogLine(init));
    }
}
