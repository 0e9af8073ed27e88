namespace Kelos.Agents;

/// <summary>What kind of thing a readable log line shows.</summary>
public enum AgentLogKind
{
    Text,
    ToolCall,
    ToolResult,
    Result,
    Error,
    Raw,
}

/// <summary>One readable line of an agent's log.</summary>
public sealed record AgentLogEntry(AgentLogKind Kind, string Text);
