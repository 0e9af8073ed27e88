using Kelos.Agents;

namespace Kelos.Runtime.Local.Runs;

/// <summary>How the agent process ended and what its stream said.</summary>
/// <param name="OwnBlock">An outputs block the agent printed itself (custom agents may), as its key/value lines.</param>
public sealed record AgentProcessResult(int ExitCode, AgentRunSummary Summary, IReadOnlyList<KeyValuePair<string, string>> OwnBlock);
