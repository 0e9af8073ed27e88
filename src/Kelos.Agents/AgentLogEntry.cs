namespace Kelos.Agents;

/// <summary>One readable line of an agent's log.</summary>
public sealed record AgentLogEntry(AgentLogKind Kind, string Text);
