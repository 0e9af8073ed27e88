namespace Kelos.Cli.Tests.RealAgents;

/// <summary>The real-agent tier (see <see cref="RealAgentTaskTests"/>) with OpenCode.</summary>
public sealed class OpenCodeTaskTests : RealAgentTaskTests
{
    protected override RealAgent Agent => RealAgent.OpenCode;

    /// <summary>
    /// OpenCode retries a 5xx with backoff for as long as it runs, printing nothing (it ignores
    /// <c>x-should-retry: false</c> and has no setting for it), so only the Task's timeout ends such a run.
    /// </summary>
    protected override string ServerErrorSays => "Deadline exceeded: the Task ran longer than its timeout of 8 s";

    protected override int ServerErrorDeadlineSeconds => 8;
}
