namespace Kelos.Agents.Tests.OpenCode;

public class OpenCodeStreamTests
{
    private const string Agent = "opencode";

    [Fact]
    public void Complete_SuccessStream_SumsStepsAndAnswersWithTheLastStep()
    {
        var summary = StreamSamples.Run(Agent, "success", exitCode: 0);

        Assert.False(summary.Failed);
        Assert.Null(summary.FailureReason);
        Assert.Equal("Created `hello.sh` and committed it on `kelos/hello`.", summary.FinalAnswer);
        Assert.Equal(11842 + 312, summary.InputTokens);
        Assert.Equal(161 + 24, summary.OutputTokens);
        Assert.Equal(0.0183345m + 0.0041267m, summary.CostUsd);
    }

    [Fact]
    public void Complete_ErrorEvent_FailsWithItsMessage()
    {
        var summary = StreamSamples.Run(Agent, "error", exitCode: 1);

        Assert.True(summary.Failed);
        Assert.Equal("OpenCode error: invalid x-api-key (HTTP 401)", summary.FailureReason);
        Assert.Null(summary.FinalAnswer);
        Assert.Null(summary.InputTokens);
        Assert.Null(summary.CostUsd);
    }

    [Fact]
    public void Complete_NonZeroExitWithoutErrorEvent_FailsWithTheExitCode()
    {
        var summary = StreamSamples.Run(Agent, ["Error: Unexpected error, check log file at /root/.local/share/opencode/log/2026-11-20T101502.log for more details"], exitCode: 1);

        Assert.True(summary.Failed);
        Assert.StartsWith("OpenCode exited with code 1: Error: Unexpected error", summary.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatLogLine_SuccessStream_ShowsTextToolUseAndFinalStep()
    {
        var entries = StreamSamples.Format(Agent, "success");

        Assert.Equal(
            [
                new(AgentLogKind.Text, "I'll create the script and commit it."),
                new(AgentLogKind.ToolCall, "→ bash: printf '#!/bin/sh\\necho hello\\n' > hello.sh && git add hello.sh && git commit -m \"Add hello script\""),
                new(AgentLogKind.ToolResult, "← [kelos/hello 8c4d2e1] Add hello script 1 file changed, 2 insertions(+) create mode 100644 hello.sh"),
                new(AgentLogKind.Text, "Created `hello.sh` and committed it on `kelos/hello`."),
                new(AgentLogKind.Result, "step finished (stop): 312 in / 24 out tokens, $0.0041267"),
            ],
            entries);
    }

    [Fact]
    public void FormatLogLine_ErrorEvent_IsAnError()
    {
        var entries = StreamSamples.Format(Agent, "error");

        Assert.Equal([new(AgentLogKind.Error, "invalid x-api-key (HTTP 401)")], entries);
    }
}
