namespace Kelos.Benchmarks.Load;

/// <summary>Work around each measured step, outside its timing: preparing the world for a batch, measuring after it.</summary>
internal sealed record StepHooks(Func<DeliveryBatch, CancellationToken, Task>? Before, Func<DeliveryBatch, StepResult, CancellationToken, Task<StepResult>>? After);
