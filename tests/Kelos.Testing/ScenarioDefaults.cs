namespace Kelos.Testing;

/// <summary>What each scenario does when the prompt gives no <c>[[command:...]]</c> or <c>[[answer:...]]</c>.</summary>
public static class ScenarioDefaults
{
    /// <summary>The <see cref="ScenarioNames.Commit"/> tool call, run in the agent's working directory.</summary>
    public const string CommitCommand =
        "echo 'hello from the agent' > AGENT.md && git add AGENT.md && git commit -qm 'Add AGENT.md'";

    /// <summary>The subject of the commit that <see cref="CommitCommand"/> makes.</summary>
    public const string CommitSubject = "Add AGENT.md";

    /// <summary>The <see cref="ScenarioNames.Commit"/> final answer.</summary>
    public const string CommitAnswer = "Done: I added AGENT.md.";

    /// <summary>The <see cref="ScenarioNames.Answer"/> and <see cref="ScenarioNames.Slow"/> final answer.</summary>
    public const string Answer = "Here is the scripted answer.";

    /// <summary>The <see cref="ScenarioNames.StopMidTool"/> tool call: harmless, changes nothing.</summary>
    public const string StopMidToolCommand = "echo 'still working'";

    /// <summary>
    /// The <see cref="ScenarioNames.WriteOutside"/> tool call. It prints <c>blocked</c> when the write is refused;
    /// note that as root outside a sandbox it succeeds and leaves <c>/etc/kelos-escape</c> behind.
    /// </summary>
    public const string WriteOutsideCommand = "echo x > /etc/kelos-escape && echo escaped || echo blocked";

    /// <summary>The <see cref="ScenarioNames.WriteOutside"/> final answer; <c>{output}</c> is the tool result.</summary>
    public const string WriteOutsideAnswer = "Writing outside the clone said: {output}";
}
