namespace Kelos.Contracts;

/// <summary>
/// Create a Task from a complete resource document (YAML or JSON). The name inside is the idempotency key:
/// a second request with the same name creates nothing.
/// </summary>
public sealed record LaunchTask(string TaskDocument, string RequestedBy);

/// <summary>Stop a Task that has not finished yet.</summary>
public sealed record CancelTask(string TaskName, string RequestedBy);
