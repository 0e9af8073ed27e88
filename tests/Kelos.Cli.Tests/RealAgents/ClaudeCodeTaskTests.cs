using Kelos.Testing;

namespace Kelos.Cli.Tests.RealAgents;

/// <summary>The real-agent tier (see <see cref="RealAgentTaskTests"/>) with Claude Code.</summary>
public sealed class ClaudeCodeTaskTests : RealAgentTaskTests
{
    protected override RealAgent Agent => RealAgent.ClaudeCode;

    /// <summary>Claude Code ends a run whose model stopped on <c>tool_use</c> with <c>subtype: success</c>; Kelos must not.</summary>
    [Fact]
    public async Task Run_ModelStopsMidToolCall_FailedAsIncomplete()
    {
        await using var run = await RealAgentRun.StartAsync(Agent);

        var outcome = await run.RunTaskAsync("stopped", "Work on it. " + Scenario.Markers(ScenarioNames.StopMidTool));

        Assert.True(outcome.Phase == "Failed", outcome.ToString());
        AssertMessageSays(outcome, "incomplete", StringComparison.OrdinalIgnoreCase);
        Assert.Null(await run.Remote.BranchHeadAsync("kelos/stopped"));
    }
}
