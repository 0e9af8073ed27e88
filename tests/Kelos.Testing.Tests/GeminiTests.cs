namespace Kelos.Testing.Tests;

/// <summary>The real Gemini CLI against the scripted model server (Gemini streamGenerateContent).</summary>
public sealed class GeminiTests
{
    [Fact]
    public async Task Run_CommitScenario_CommitsAndAnswers()
    {
        await using var sandbox = await AgentSandbox.CreateAsync();

        var process = await GeminiCli.RunAsync(sandbox, "Add a file please.");

        Assert.Equal(0, process.ExitCode);
        var result = StreamJson.LastOfType(process, "result");
        Assert.True(result.HasValue, process.ToString());
        Assert.Equal("success", result.Value.GetProperty("status").GetString());
        Assert.Equal(2 * ScriptedUsage.InputTokens, result.Value.GetProperty("stats").GetProperty("input_tokens").GetInt32());
        Assert.Equal(ScenarioDefaults.CommitAnswer, FinalAnswer(process));
        Assert.Equal(
            [ScenarioDefaults.CommitSubject, TemporaryGitRepository.InitialSubject],
            await sandbox.Repository.CommitSubjectsAsync());
    }

    [Fact]
    public async Task Run_CommitScenarioWithoutModel_RoutesThenCommits()
    {
        await using var sandbox = await AgentSandbox.CreateAsync();

        // Without -m the CLI first asks a small model for a JSON routing decision (generateContent with a schema).
        var process = await GeminiCli.RunAsync(sandbox, "Add a file please.", model: null);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal("success", StreamJson.LastOfType(process, "result")?.GetProperty("status").GetString());
        Assert.Equal(ScenarioDefaults.CommitAnswer, FinalAnswer(process));
        Assert.Equal(ScenarioDefaults.CommitSubject, (await sandbox.Repository.CommitSubjectsAsync())[0]);
    }

    [Fact]
    public async Task Run_Http401Scenario_ReportsErrorResult()
    {
        await using var sandbox = await AgentSandbox.CreateAsync();

        var process = await GeminiCli.RunAsync(sandbox, "Add a file. " + Scenario.Markers(ScenarioNames.Http401));

        Assert.NotEqual(0, process.ExitCode);
        var result = StreamJson.LastOfType(process, "result");
        Assert.True(result.HasValue, process.ToString());
        Assert.Equal("error", result.Value.GetProperty("status").GetString());
        Assert.Contains("401", result.Value.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The assistant's text: its <c>message</c> events, which arrive as deltas.</summary>
    [Fact]
    public async Task Run_StopMidToolScenario_ReportsSuccessWithTheUnfinishedText()
    {
        await using var sandbox = await AgentSandbox.CreateAsync();

        var process = await GeminiCli.RunAsync(sandbox, "Work. " + Scenario.Markers(ScenarioNames.StopMidTool));

        // Gemini CLI 0.61 takes a last chunk without finishReason as a normal answer: a false success that
        // Kelos cannot tell from a real one by the stream alone.
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("success", StreamJson.LastOfType(process, "result")?.GetProperty("status").GetString());
        Assert.Equal("I will now run the next step.", FinalAnswer(process));
    }

    private static string FinalAnswer(CommandResult process) =>
        string.Concat(StreamJson.Objects(process)
            .Where(o => StreamJson.Type(o) == "message" && o.GetProperty("role").GetString() == "assistant")
            .Select(o => o.GetProperty("content").GetString()));
}
