using Kelos.Contracts;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Core.Store;
using MassTransit;

namespace Kelos.Controller;

/// <summary>
/// The one writer of Task status: every transition is stored first, then published on the bus for the
/// reporter, pipelines and metrics, and recorded by the mode's <see cref="ITaskEventRecorder"/> when it has one
/// (Kubernetes Events in cluster mode). A write that would change nothing is skipped (no churn, no duplicate events).
/// </summary>
public sealed class TaskStatusWriter(IResourceStore store, IBus bus, TimeProvider time, ITaskEventRecorder? events = null)
{
    public async Task WaitingAsync(string name, string message, CancellationToken cancellationToken)
    {
        if (await TransitionAsync(name, TaskPhase.Waiting, message, status => { }, cancellationToken))
        {
            await bus.Publish(new TaskWaiting(name, message, time.GetUtcNow()), cancellationToken);
        }
    }

    public async Task RunningAsync(KelosTask task, CancellationToken cancellationToken)
    {
        var agent = task.Spec.Image is { } image ? $"{Path.GetFileName(image)}, a custom {task.Spec.Type} agent" : task.Spec.Type + (task.Spec.Model is { } model ? $", model {model}" : "");
        if (await TransitionAsync(task.Name, TaskPhase.Running, $"The agent is running ({agent})", status => status.StartTime = time.GetUtcNow(), cancellationToken))
        {
            await bus.Publish(new TaskStarted(task.Name, task.Spec.Type ?? "", task.Spec.Model, TaskBranch.Of(task), time.GetUtcNow()), cancellationToken);
        }
    }

    public async Task FailedAsync(string name, string message, CancellationToken cancellationToken, TaskRunResult? result = null, string? uid = null)
    {
        if (await TransitionAsync(name, TaskPhase.Failed, message, status => Finish(status, result), cancellationToken, uid))
        {
            await bus.Publish(new TaskFailed(name, message, time.GetUtcNow()), cancellationToken);
        }
    }

    public async Task CancelledAsync(string name, string by, CancellationToken cancellationToken, string? uid = null)
    {
        if (await TransitionAsync(name, TaskPhase.Cancelled, $"Cancelled by {by}", status => { Finish(status, null); status.CancelledBy = by; }, cancellationToken, uid))
        {
            await bus.Publish(new TaskCancelled(name, by, time.GetUtcNow()), cancellationToken);
        }
    }

    public async Task SucceededAsync(string name, TaskRunResult result, CancellationToken cancellationToken, string? uid = null)
    {
        KelosTaskStatus? stored = null;
        if (await TransitionAsync(name, TaskPhase.Succeeded, result.Message, status => { Finish(status, result); stored = status; }, cancellationToken, uid))
        {
            var usage = stored?.Usage;
            await bus.Publish(
                new TaskSucceeded(name, result.Results, usage?.InputTokens, usage?.OutputTokens, usage?.CostUsd, time.GetUtcNow()),
                cancellationToken);
        }
    }

    private void Finish(KelosTaskStatus status, TaskRunResult? result)
    {
        status.CompletionTime = time.GetUtcNow();
        if (result is null)
        {
            return;
        }

        status.Outputs = [.. result.Outputs];
        status.Results = new Dictionary<string, string>(result.Results, StringComparer.Ordinal);
        status.Usage = TaskUsageFrom(result.Results);
    }

    private static TaskUsage? TaskUsageFrom(IReadOnlyDictionary<string, string> results)
    {
        long? Number(string key) => results.TryGetValue(key, out var text) && long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        var usage = new TaskUsage
        {
            InputTokens = Number("input-tokens"),
            OutputTokens = Number("output-tokens"),
            CostUsd = results.GetValueOrDefault("cost-usd"),
        };
        return usage is { InputTokens: null, OutputTokens: null, CostUsd: null } ? null : usage;
    }

    /// <summary>
    /// Moves the Task to <paramref name="phase"/> unless it already ended, and records the transition. With
    /// <paramref name="uid"/>, only that Task: a run never writes onto a new Task that took the name of the one it ran for.
    /// </summary>
    private async Task<bool> TransitionAsync(string name, string phase, string message, Action<KelosTaskStatus> change, CancellationToken cancellationToken, string? uid = null)
    {
        var changed = false;
        var stored = store.Update<KelosTask>(name, task =>
        {
            if (uid is not null && task.Metadata.Uid != uid)
            {
                return false;
            }

            var status = task.Status ??= new KelosTaskStatus();
            if (TaskPhase.IsFinished(status.Phase) || (status.Phase == phase && status.Message == message))
            {
                return false;
            }

            status.Phase = phase;
            status.Message = message;
            change(status);
            changed = true;
            return true;
        });
        if (changed && stored is not null && events is not null)
        {
            await events.RecordAsync(stored, phase, message, cancellationToken);
        }

        return changed;
    }
}
