using Kelos.Core.Commands;
using Kelos.Core.Resources;

namespace Kelos.GitHub.Triggers;

/// <summary>What one GitHub event asks of Kelos, decided before anything is done about it.</summary>
public abstract record TriggerOutcome;

/// <summary>A spawner matched and the author is trusted: create this Task.</summary>
public sealed record StartTask(KelosTask Task, string Spawner, SlashCommand? Command) : TriggerOutcome;

/// <summary>A request Kelos will not act on, and the reason to say so.</summary>
public sealed record Refused(SlashCommand? Command, string Reason) : TriggerOutcome;

/// <summary><c>/kelos help</c>, or a verb nobody handles (<paramref name="UnknownVerb"/>).</summary>
public sealed record ShowHelp(SlashCommand Command, string? UnknownVerb) : TriggerOutcome;

/// <summary>A built-in verb about this or PR's Tasks: cancel, status, retry.</summary>
public sealed record SubjectCommand(SlashCommand Command) : TriggerOutcome;
