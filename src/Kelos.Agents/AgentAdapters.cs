namespace Kelos.Agents;

/// <summary>The adapter for each agent type Kelos runs. Adapters hold no state, so one of each serves every run.</summary>
public static class AgentAdapters
{
    /// <summary>Every adapter, in the order agent types are usually listed.</summary>
    public static IReadOnlyList<IAgentAdapter> All { get; } =
    [
        new ClaudeCodeAdapter(),
        new CodexAdapter(),
        new GeminiAdapter(),
        new OpenCodeAdapter(),
        new CursorAdapter(),
    ];

    /// <summary>The adapter for <paramref name="agentType"/> (e.g. <c>claude-code</c>).</summary>
    /// <exception cref="ArgumentException">The type is not one Kelos knows; the message lists those it does.</exception>
    public static IAgentAdapter For(string agentType)
    {
        ArgumentNullException.ThrowIfNull(agentType);
        return All.FirstOrDefault(adapter => adapter.AgentType == agentType)
            ?? throw new ArgumentException(
                $"Unknown agent type \"{agentType}\"; known types: {string.Join(", ", All.Select(adapter => adapter.AgentType))}.",
                nameof(agentType));
    }
}
