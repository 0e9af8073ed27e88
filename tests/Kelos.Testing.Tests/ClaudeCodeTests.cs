using System.Text.Json;

namespace Kelos.Testing.Tests;

/// <summary>The real Claude Code CLI against the scripted model server (Anthropic Messages, streaming).</summary>
public sealed class ClaudeCodeTests
{
    [Fact]
    public async Task Run_CommitScenario_CommitsAndReportsAnswerAndUsage()
    {
        await using var sandbox = await AgentSandbox.CreateAsync();

        var process = await ClaudeCodeCli.RunAsync(sandbox, "Add a file please.");
        var result = ResultLine(process);

        Assert.Equal(0, process.ExitCode);
        Assert.False(result.GetProperty("is_error").GetBoolean(), process.ToString());
        Assert.Equal(ScenarioDefaults.CommitAnswer, result.GetProperty("result").GetString());
        Assert.Equal("end_turn", result.GetProperty("stop_reason").GetString());
        // Two model calls: the tool call, then the answer.
        Assert.Equal(2 * ScriptedUsage.InputTokens, result.GetProperty("usage").GetProperty("input_tokens").GetInt32());
        Assert.Equal(2 * ScriptedUsage.OutputTokens, result.GetProperty("usage").GetProperty("output_tokens").GetInt32());
        Assert.Equal(
            [ScenarioDefaults.CommitSubject, TemporaryGitRepository.InitialSubject],
            await sandbox.Repository.CommitSubjectsAsync());
    }

    [Fact]
    public async Task Run_CommandAndAnswerMarkers_RunsCommandAndAnswersWithItsOutput()
    {
        await using var sandbox = await AgentSandbox.CreateAsync();
        var prompt = "Count. " + Scenario.Markers(ScenarioNames.Commit, command: "echo counted-42", answer: "The tool said {output}.");

        var process = await ClaudeCodeCli.RunAsync(sandbox, prompt);
        var result = ResultLine(process);

        Assert.False(result.GetProperty("is_error").GetBoolean(), process.ToString());
        Assert.Equal("The tool said counted-42.", result.GetProperty("result").GetString());
        Assert.Equal([TemporaryGitRepository.InitialSubject], await sandbox.Repository.CommitSubjectsAsync());
    }

    [Fact]
    public async Task Run_AnswerScenario_AnswersWithoutToolCall()
    {
        await using var sandbox = await AgentSandbox.CreateAsync();

        var process = await ClaudeCodeCli.RunAsync(sandbox, "Review this. " + Scenario.Markers(ScenarioNames.Answer, answer: "LGTM"));
        var result = ResultLine(process);

        Assert.False(result.GetProperty("is_error").GetBoolean(), process.ToString());
        Assert.Equal("LGTM", result.GetProperty("result").GetString());
        Assert.Equal(1, result.GetProperty("num_turns").GetInt32());
        Assert.Equal([TemporaryGitRepository.InitialSubject], await sandbox.Repository.CommitSubjectsAsync());
    }

    [Fact]
    public async Task Run_Http401Scenario_ReportsErrorWithStatus()
    {
        await using var sandbox = await AgentSandbox.CreateAsync();

        var process = await ClaudeCodeCli.RunAsync(sandbox, "Add a file. " + Scenario.Markers(ScenarioNames.Http401));
        var result = ResultLine(process);

        Assert.NotEqual(0, process.ExitCode);
        Assert.True(result.GetProperty("is_error").GetBoolean(), process.ToString());
        Assert.Equal(401, result.GetProperty("api_error_status").GetInt32());
        // The documented trap: subtype says success even on an API error.
        Assert.Equal("success", result.GetProperty("subtype").GetString());
    }

    [Fact]
    public async Task Run_StopMidToolScenario_EndsAsErrorAfterNudgingTwice()
    {
        await using var sandbox = await AgentSandbox.CreateAsync();

        var process = await ClaudeCodeCli.RunAsync(sandbox, "Work. " + Scenario.Markers(ScenarioNames.StopMidTool));
        var result = ResultLine(process);

        // Claude Code 2.1.x catches "stop_reason tool_use without a tool call": it asks the model twice to retry
        // the tool call, then gives up. Older versions ended such a run as a success.
        Assert.NotEqual(0, process.ExitCode);
        Assert.True(result.GetProperty("is_error").GetBoolean(), process.ToString());
        Assert.Equal("malformed_tool_use_exhausted", result.GetProperty("terminal_reason").GetString());
    }

    [Fact]
    public async Task Run_Http500Scenario_FailsAtOnceBecauseTheServerSaysDoNotRetry()
    {
        await using var sandbox = await AgentSandbox.CreateAsync();

        var process = await ClaudeCodeCli.RunAsync(sandbox, "Add a file. " + Scenario.Markers(ScenarioNames.Http500));
        var result = ResultLine(process);

        Assert.True(result.GetProperty("is_error").GetBoolean(), process.ToString());
        Assert.Equal(500, result.GetProperty("api_error_status").GetInt32());
        Assert.Single(sandbox.Server.Requests);
    }

    private static JsonElement ResultLine(CommandResult process) =>
        StreamJson.LastOfType(process, "result") ?? throw new Xunit.Sdk.XunitException($"Claude printed no result line: {process}");
}
