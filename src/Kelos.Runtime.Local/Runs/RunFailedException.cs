namespace Kelos.Runtime.Local.Runs;

/// <summary>A run that cannot go on; the message is what the Task's status will say.</summary>
public sealed class RunFailedException(string message) : Exception(message);
