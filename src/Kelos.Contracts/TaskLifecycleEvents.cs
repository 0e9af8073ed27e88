namespace Kelos.Contracts;

// Events the controller publishes when it moves a Task. Past tense, plain values, evolved additively.

/// <summary>A Task resource was created (by any way in: CLI, bus, spawner).</summary>
public sealed record TaskCreated(string TaskName, string AgentType, DateTimeOffset At);

/// <summary>A Task cannot start yet: a dependency, a branch lock or a concurrency limit holds it.</summary>
public sealed record TaskWaiting(string TaskName, string Reason, DateTimeOffset At);

/// <summary>The agent was started.</summary>
public sealed record TaskStarted(string TaskName, string AgentType, string? Model, string? Branch, DateTimeOffset At);

/// <summary>The agent finished and its work was captured.</summary>
public sealed record TaskSucceeded(
    string TaskName,
    IReadOnlyDictionary<string, string> Results,
    long? InputTokens,
    long? OutputTokens,
    string? CostUsd,
    DateTimeOffset At);

/// <summary>The Task ended without success; <paramref name="Reason"/> is readable by a person.</summary>
public sealed record TaskFailed(string TaskName, string Reason, DateTimeOffset At);

/// <summary>The Task was cancelled before it finished.</summary>
public sealed record TaskCancelled(string TaskName, string CancelledBy, DateTimeOffset At);
