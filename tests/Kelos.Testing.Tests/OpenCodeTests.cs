namespace Kelos.Testing.Tests;

/// <summary>The real OpenCode CLI against the scripted model server (Anthropic Messages, tool named "bash").</summary>
public sealed class OpenCodeTests
{
    [Fact]
    public async Task Run_CommitScenario_CommitsAndAnswers()
    {
        await using var sandbox = await AgentSandbox.CreateAsync();

        var process = await OpenCodeCli.RunAsync(sandbox, "Add a file please.");

        Assert.Equal(0, process.ExitCode);
        var texts = StreamJson.Objects(process).Where(o => StreamJson.Type(o) == "text")
            .Select(o => o.GetProperty("part").GetProperty("text").GetString());
        Assert.Equal(ScenarioDefaults.CommitAnswer, texts.LastOrDefault());
        var steps = StreamJson.Objects(process).Where(o => StreamJson.Type(o) == "step_finish").ToList();
        Assert.Equal("stop", steps[^1].GetProperty("part").GetProperty("reason").GetString());
        Assert.Equal(2 * ScriptedUsage.InputTokens, steps.Sum(s => s.GetProperty("part").GetProperty("tokens").GetProperty("input").GetInt32()));
        Assert.Equal(
            [ScenarioDefaults.CommitSubject, TemporaryGitRepository.InitialSubject],
            await sandbox.Repository.CommitSubjectsAsync());
    }

    [Fact]
    public async Task Run_Http401Scenario_PrintsErrorAndFails()
    {
        await using var sandbox = await AgentSandbox.CreateAsync();

        var process = await OpenCodeCli.RunAsync(sandbox, "Add a file. " + Scenario.Markers(ScenarioNames.Http401));

        Assert.NotEqual(0, process.ExitCode);
        var error = StreamJson.LastOfType(process, "error");
        Assert.True(error.HasValue, process.ToString());
        Assert.Equal(401, error.Value.GetProperty("error").GetProperty("data").GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Run_StopMidToolScenario_KeepsCallingTheModelUntilStopped()
    {
        await using var sandbox = await AgentSandbox.CreateAsync();
        using var stop = new CancellationTokenSource();

        // OpenCode continues after every "tool_use" stop even without a tool call: only a timeout ends the run.
        var run = OpenCodeCli.RunAsync(sandbox, "Work. " + Scenario.Markers(ScenarioNames.StopMidTool), stop.Token);
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (sandbox.Server.Requests.Count < 5 && !run.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        if (run.IsCompleted)
        {
            Assert.Fail($"OpenCode ended by itself: {await run}");
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(sandbox.Server.Requests.Count >= 5, $"{sandbox.Server.Requests.Count} model calls in a minute");
    }
}
