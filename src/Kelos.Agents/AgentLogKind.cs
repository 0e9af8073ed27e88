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
