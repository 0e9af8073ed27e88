using System.Globalization;
using Kelos.Testing;

namespace Kelos.Cli.Tests.RealAgents;

/// <summary>
/// The real-agent tier: Tasks run by <c>kelos run -f --watch</c> in the embedded runtime with the real agent CLI
/// (scripts/install-agents.sh) against the scripted model, reached through the gateway variables of
/// <see cref="RealAgent.Gateway"/>. Each subclass is one agent; xunit runs the four classes side by side.
/// </summary>
public abstract class RealAgentTaskTests
{
    protected abstract RealAgent Agent { get; }

    /// <summary>What status.message says when every model call answers HTTP 500.</summary>
    protected virtual string ServerErrorSays => "500";

    /// <summary>The Task's timeout in the HTTP 500 test.</summary>
    protected virtual int ServerErrorDeadlineSeconds => 300;

    [Fact]
    public async Task Run_CommitScenario_SucceedsWithTheCommitOnTheRemoteAndTheAnswerInResults()
    {
        await using var run = await RealAgentRun.StartAsync(Agent);

        var outcome = await run.RunTaskAsync("commit", "Add an AGENT.md file and commit it.");

        Assert.True(outcome.Phase == "Succeeded", outcome.ToString());
        Assert.Equal(0, outcome.Run.ExitCode);
        Assert.Equal("kelos/commit", outcome.Results!["branch"]!.GetValue<string>());
        var head = await run.Remote.BranchHeadAsync("kelos/commit");
        Assert.Equal(head, outcome.Results["commit"]!.GetValue<string>());
        Assert.Equal(ScenarioDefaults.CommitSubject, await run.Remote.GitAsync(["log", "-1", "--format=%s", "kelos/commit"]));
        Assert.Equal(ScenarioDefaults.CommitAnswer, outcome.Response);
        Assert.True(outcome.Usage!["inputTokens"]!.GetValue<long>() > 0, outcome.ToString());
        Assert.True(outcome.Usage["outputTokens"]!.GetValue<long>() > 0, outcome.ToString());
        if (Agent.ReportsCost)
        {
            Assert.True(decimal.Parse(outcome.Usage["costUSD"]!.GetValue<string>(), CultureInfo.InvariantCulture) > 0, outcome.ToString());
        }
        else
        {
            Assert.Null(outcome.Usage["costUSD"]);
        }

        Assert.NotEmpty(run.Model.Requests);
        Assert.DoesNotContain(RealAgentRun.ApiKey, outcome.RunLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ModelAnswers401_FailedSayingTheModelRefusedTheKey()
    {
        await using var run = await RealAgentRun.StartAsync(Agent);

        var outcome = await run.RunTaskAsync("refused", "Add a file. " + Scenario.Markers(ScenarioNames.Http401));

        Assert.True(outcome.Phase == "Failed", outcome.ToString());
        Assert.NotEqual(0, outcome.Run.ExitCode);
        AssertMessageSays(outcome, "401", StringComparison.Ordinal);
        Assert.Null(await run.Remote.BranchHeadAsync("kelos/refused"));
    }

    [Fact]
    public async Task Run_ModelAnswers500_FailedSayingTheModelFailed()
    {
        await using var run = await RealAgentRun.StartAsync(Agent);

        var outcome = await run.RunTaskAsync("broken", "Add a file. " + Scenario.Markers(ScenarioNames.Http500), ServerErrorDeadlineSeconds);

        Assert.True(outcome.Phase == "Failed", outcome.ToString());
        AssertMessageSays(outcome, ServerErrorSays);
        Assert.Null(await run.Remote.BranchHeadAsync("kelos/broken"));
    }

    [Fact]
    public async Task Run_ModelSlowerThanTheTimeout_FailedSayingTheDeadlinePassed()
    {
        await using var run = await RealAgentRun.StartAsync(Agent);

        var outcome = await run.RunTaskAsync("slow", "Think hard. " + Scenario.Markers(ScenarioNames.Slow), deadlineSeconds: 4);

        Assert.True(outcome.Phase == "Failed", outcome.ToString());
        AssertMessageSays(outcome, "Deadline exceeded", StringComparison.Ordinal);
        AssertMessageSays(outcome, "timeout of 4 s", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ModelAsksToWriteOutsideTheClone_BlockedByBubblewrap()
    {
        using var probe = new KelosCli();
        var version = await probe.RunAsync("version");
        Assert.True(version.StandardOutput.Contains("sandbox: bubblewrap", StringComparison.Ordinal), "bubblewrap must work here for this test: " + version);
        // Not /tmp (private inside the sandbox) and not /etc (a root run without the sandbox would really write it).
        var outside = $"/var/tmp/kelos-escape-{Guid.NewGuid():N}";
        await using var run = await RealAgentRun.StartAsync(Agent);

        try
        {
            var command = $"echo x > {outside} && echo escaped || echo blocked";
            var outcome = await run.RunTaskAsync("escape", "Try it. " + Scenario.Markers(ScenarioNames.WriteOutside, command: command));

            Assert.True(outcome.Phase == "Succeeded", outcome.ToString());
            Assert.Contains("in bubblewrap", outcome.RunLog, StringComparison.Ordinal);
            Assert.False(File.Exists(outside), outcome.ToString());
            Assert.StartsWith("Writing outside the clone said:", outcome.Response, StringComparison.Ordinal);
            Assert.Contains("blocked", outcome.Response, StringComparison.Ordinal);
            Assert.DoesNotContain("escaped", outcome.Response, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    /// <summary>status.message says <paramref name="text"/>; on failure the whole Task and its logs are shown.</summary>
    protected static void AssertMessageSays(RealAgentOutcome outcome, string text, StringComparison comparison = StringComparison.Ordinal) =>
        Assert.True(outcome.Message.Contains(text, comparison), $"status.message does not say \"{text}\": {outcome.Message}\n{outcome}");
}
