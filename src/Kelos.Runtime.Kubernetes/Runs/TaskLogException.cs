namespace Kelos.Runtime.Kubernetes.Runs;

/// <summary>A Task's log cannot be shown (safely): the message says why, in one line, without any secret.</summary>
public sealed class TaskLogException(string message, Exception? inner = null) : Exception(message, inner);
