namespace Kelos.Cli.Tests.RealAgents;

/// <summary>The real-agent tier (see <see cref="RealAgentTaskTests"/>) with Codex.</summary>
public sealed class CodexTaskTests : RealAgentTaskTests
{
    protected override RealAgent Agent => RealAgent.Codex;

    /// <summary>Codex words every 5xx as its own sentence and never prints the status.</summary>
    protected override string ServerErrorSays => "Codex turn failed: We’re currently experiencing high demand, which may cause temporary errors";
}
