namespace Kelos.Benchmarks.Load;

/// <summary>
/// From delivery to Task created, over a step's accepted deliveries: how many Tasks appeared (a Task's
/// <c>metadata.creationTimestamp</c>, written by the store when the consumer creates it) and the time from each
/// delivery's due moment to its Task, in milliseconds. Missing: accepted deliveries with no Task when the wait ended.
/// </summary>
internal sealed record TaskLatency(int Created, int Missing, double P50, double P90, double P99, double Max, double CreatedPerSecond);
