namespace Kelos.Agents;

/// <summary>What a run's stream said: usage, cost, the final answer and whether it failed (and why).</summary>
public sealed record AgentRunSummary(
    bool Failed,
    string? FailureReason,
    string? FinalAnswer,
    long? InputTokens,
    long? OutputTokens,
    decimal? CostUsd);
