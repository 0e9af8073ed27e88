namespace Kelos.Testing.Tests;

/// <summary>The real Codex CLI against the scripted model server (OpenAI Responses, streaming).</summary>
public sealed class CodexTests
{
    [Fact]
    public async Task Exec_CommitScenarioWithDefaultModel_CommitsThroughCodeModeAndAnswers()
    {
        await using var sandbox = await AgentSandbox.CreateAsync();

        var process = await CodexCli.RunAsync(sandbox, "Add a file please.");

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(ScenarioDefaults.CommitAnswer, FinalAnswer(process));
        var usage = StreamJson.LastOfType(process, "turn.completed")!.Value.GetProperty("usage");
        Assert.Equal(2 * ScriptedUsage.InputTokens, usage.GetProperty("input_tokens").GetInt32());
        Assert.Equal(2 * ScriptedUsage.OutputTokens, usage.GetProperty("output_tokens").GetInt32());
        Assert.Equal(
            [ScenarioDefaults.CommitSubject, TemporaryGitRepository.InitialSubject],
            await sandbox.Repository.CommitSubjectsAsync());
    }

    [Fact]
    public async Task Exec_CommitScenarioWithFunctionToolModel_CommitsThroughExecCommandAndAnswers()
    {
        await using var sandbox = await AgentSandbox.CreateAsync();

        var process = await CodexCli.RunAsync(sandbox, "Add a file please.", CodexCli.FunctionToolModel);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(ScenarioDefaults.CommitAnswer, FinalAnswer(process));
        Assert.Equal(ScenarioDefaults.CommitSubject, (await sandbox.Repository.CommitSubjectsAsync())[0]);
    }

    [Fact]
    public async Task Exec_Http401Scenario_FailsTheTurn()
    {
        await using var sandbox = await AgentSandbox.CreateAsync();

        var process = await CodexCli.RunAsync(sandbox, "Add a file. " + Scenario.Markers(ScenarioNames.Http401));

        Assert.NotEqual(0, process.ExitCode);
        var failed = StreamJson.LastOfType(process, "turn.failed");
        Assert.True(failed.HasValue, process.ToString());
        Assert.Contains("401", failed.Value.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The text of the last <c>agent_message</c> item: Codex's final answer.</summary>
    [Fact]
    public async Task Exec_StopMidToolScenario_FailsTheTurnWhenTheStreamBreaksOff()
    {
        await using var sandbox = await AgentSandbox.CreateAsync();

        var process = await CodexCli.RunAsync(sandbox, "Work. " + Scenario.Markers(ScenarioNames.StopMidTool));

        Assert.NotEqual(0, process.ExitCode);
        var failed = StreamJson.LastOfType(process, "turn.failed");
        Assert.True(failed.HasValue, process.ToString());
        Assert.Contains("response.completed", failed.Value.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static string? FinalAnswer(CommandResult process) =>
        StreamJson.Objects(process)
            .Where(o => StreamJson.Type(o) == "item.completed")
            .Select(o => o.GetProperty("item"))
            .Where(item => StreamJson.Type(item) == "agent_message")
            .Select(item => item.GetProperty("text").GetString())
            .LastOrDefault();
}
