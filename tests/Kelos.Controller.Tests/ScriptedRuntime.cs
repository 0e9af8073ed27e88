using System.Collections.Concurrent;
using Kelos.Core.Runtime;

namespace Kelos.Controller.Tests;

/// <summary>A runtime whose runs end when the test says so; records what the controller asked of it.</summary>
internal sealed class ScriptedRuntime(bool survivesRestart) : ITaskRuntime
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<TaskRunResult>> _runs = new(StringComparer.Ordinal);

    public bool SurvivesRestart => survivesRestart;

    public ConcurrentQueue<string> Started { get; } = new();

    public ConcurrentQueue<string> CleanedUp { get; } = new();

    public TaskCompletionSource<string> FirstStart { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<TaskRunResult> RunAsync(TaskRunRequest request, CancellationToken cancellationToken)
    {
        var run = _runs.GetOrAdd(request.Task.Name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        Started.Enqueue(request.Task.Name);
        FirstStart.TrySetResult(request.Task.Name);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, request.Detach);
        try
        {
            return await run.Task.WaitAsync(both.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new TaskRunResult(TaskRunOutcome.Cancelled, "Cancelled", [], new Dictionary<string, string>());
        }
    }

    public void Finish(string name, TaskRunResult result) =>
        _runs.GetOrAdd(name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(result);

    public void CleanUpAfterCrash(string taskName) => CleanedUp.Enqueue(taskName);

    public IReadOnlyList<string> RunNames() => [];

    public void Forget(string taskName)
    {
    }
}
