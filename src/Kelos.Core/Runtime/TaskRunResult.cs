namespace Kelos.Core.Runtime;

/// <summary>How a run ended.</summary>
public enum TaskRunOutcome
{
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>How a run ended, the readable reason, and what the outputs block held.</summary>
public sealed record TaskRunResult(
    TaskRunOutcome Outcome,
    string Message,
    IReadOnlyList<string> Outputs,
    IReadOnlyDictionary<string, string> Results)
{
    public static TaskRunResult Failure(string message) => new(TaskRunOutcome.Failed, message, [], new Dictionary<string, string>());
}
