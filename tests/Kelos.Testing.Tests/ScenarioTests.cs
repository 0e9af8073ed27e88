namespace Kelos.Testing.Tests;

public sealed class ScenarioTests
{
    [Fact]
    public void FromPrompt_NoMarkers_IsCommitWithDefaults()
    {
        Assert.Equal(new Scenario(ScenarioNames.Commit, null, null), Scenario.FromPrompt("Fix the bug."));
    }

    [Fact]
    public void FromPrompt_AllMarkers_ReadsEach()
    {
        var scenario = Scenario.FromPrompt("Go [[scenario: answer ]] and [[command:ls -la]]\n[[Answer:multi\nline]]");

        Assert.Equal(new Scenario(ScenarioNames.Answer, "ls -la", "multi\nline"), scenario);
    }

    [Fact]
    public void FromPrompt_RepeatedMarker_FirstWins()
    {
        Assert.Equal(ScenarioNames.Slow, Scenario.FromPrompt("[[scenario:slow]] [[scenario:http401]]").Name);
    }

    [Fact]
    public void Markers_RoundTripThroughFromPrompt()
    {
        var markers = Scenario.Markers(ScenarioNames.WriteOutside, command: "echo x > /tmp/y", answer: "said {output}");

        Assert.Equal(new Scenario(ScenarioNames.WriteOutside, "echo x > /tmp/y", "said {output}"), Scenario.FromPrompt("Task. " + markers));
    }
}
