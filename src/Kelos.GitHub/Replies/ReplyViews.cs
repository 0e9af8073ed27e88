namespace Kelos.GitHub.Replies;

/// <summary>One command in the help table.</summary>
public sealed record VerbHelp(string Name, string? Arguments, string Description);

/// <summary>The help text, for <c>/kelos help</c> or a verb nobody handles.</summary>
public sealed record HelpView(string? UnknownVerb, IReadOnlyList<VerbHelp> Verbs, string? AppSlug);

/// <summary>A refusal: the command and which check failed.</summary>
public sealed record RefusedView(string? Command, string Reason);

/// <summary>One Task in a status table.</summary>
public sealed record TaskLine(string Name, string Agent, string Phase, string Detail);

/// <summary><c>/kelos status</c>.</summary>
public sealed record StatusView(string Subject, IReadOnlyList<TaskLine> Tasks);

/// <summary><c>/kelos cancel</c>.</summary>
public sealed record CancelledView(string Subject, IReadOnlyList<string> Tasks, string RequestedBy);

/// <summary><c>/kelos retry</c>.</summary>
public sealed record RetriedView(string Subject, string? Original, string? Task, string RequestedBy);
