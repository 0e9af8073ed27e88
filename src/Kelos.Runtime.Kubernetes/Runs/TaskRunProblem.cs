namespace Kelos.Runtime.Kubernetes.Runs;

/// <summary>Why a Task cannot be submitted, in words for its status (never holding a secret value).</summary>
internal sealed class TaskRunProblem(string message) : Exception(message);
