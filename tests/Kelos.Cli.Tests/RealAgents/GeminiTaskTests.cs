namespace Kelos.Cli.Tests.RealAgents;

/// <summary>The real-agent tier (see <see cref="RealAgentTaskTests"/>) with gemini.</summary>
public sealed class GeminiTaskTests : RealAgentTaskTests
{
    protected override RealAgent Agent => RealAgent.Gemini;
}
