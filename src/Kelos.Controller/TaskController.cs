using System.Collections.Concurrent;
using Kelos.Contracts;
using Kelos.Controller.Scheduling;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Core.Store;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kelos.Controller;

/// <summary>
/// The reconcile loop. It is the only starter of agents and the only writer of Task status: it reads every
/// Task however it was created (CLI, bus, another process on the same store), decides with
/// <see cref="RunPlanner"/>, starts runs on the runtime, and writes back how they ended.
/// </summary>
public sealed class TaskController(
    IResourceStore store,
    ITaskRuntime runtime,
    IControllerLease lease,
    TaskStatusWriter status,
    IBus bus,
    TimeProvider time,
    IOptions<ControllerOptions> options,
    ILogger<TaskController> logger) : BackgroundService
{
    private const string ShutdownMessage = "Kelos stopped while this Task was running; its work was not captured. Run it again to retry";
    private const string CrashMessage = "Kelos was restarted while this Task was running (the process running it ended); its work was not captured. Run it again to retry";

    private readonly ConcurrentDictionary<string, ActiveRun> _active = new(StringComparer.Ordinal);
    private readonly TaskFinalizer _finalizer = new(store, runtime);
    private TaskCompletionSource _wake = NewWake();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var leadership = await lease.AcquireAsync(
            () => logger.LogInformation("Another kelos process is the controller for this state directory; waiting to take over"),
            stoppingToken);
        logger.LogInformation("Controller started");
        await RecoverAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var seen = store.Generation;
                var wake = _wake = NewWake();
                await ReconcileOnceAsync(stoppingToken);
                await Task.WhenAny(store.WaitForChangeAsync(seen, options.Value.ResyncInterval, stoppingToken), wake.Task);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the runs below are stopped and recorded.
        }

        if (!runtime.SurvivesRestart)
        {
            foreach (var run in _active.Values)
            {
                await run.Stop.CancelAsync();
            }
        }

        // A run that survives the process was detached by the stopping token: it goes on, and the next
        // controller re-attaches to it.
        await Task.WhenAll(_active.Values.Select(r => r.Completion));
    }

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// A Task left Running by a process that died can never finish: say so, and stop what it left — unless the
    /// runtime's runs survive the process (<see cref="ITaskRuntime.SurvivesRestart"/>), then this controller
    /// re-attaches to them. Runs whose Task is gone (deleted while no controller ran) are stopped and removed.
    /// </summary>
    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        var tasks = store.List<KelosTask>();
        foreach (var task in tasks.Where(t => t.Status?.Phase == TaskPhase.Running && !TaskFinalizer.IsDeleting(t)))
        {
            if (runtime.SurvivesRestart)
            {
                logger.LogInformation("Task {TaskName} was running when the controller stopped; following it again", task.Name);
                await StartAsync(task.Name, cancellationToken, reattach: true);
                continue;
            }

            runtime.CleanUpAfterCrash(task.Name);
            logger.LogWarning("Task {TaskName} was running when Kelos stopped; marking it failed", task.Name);
            await status.FailedAsync(task.Name, CrashMessage, cancellationToken);
        }

        var known = tasks.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var orphan in runtime.RunNames().Where(n => !known.Contains(n)))
        {
            runtime.CleanUpAfterCrash(orphan);
            runtime.Forget(orphan);
        }
    }

    /// <summary>One pass; a failure is logged and the next pass tries again, the loop never dies of it.</summary>
    private async Task ReconcileOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReconcileAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Reconcile failed; trying again");
        }
    }

    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var tasks = store.List<KelosTask>();
        var uids = tasks.ToDictionary(t => t.Name, t => t.Metadata.Uid, StringComparer.Ordinal);
        foreach (var (name, run) in _active)
        {
            if (uids.GetValueOrDefault(name) != run.Uid)
            {
                run.Deleted = true;
                await run.Stop.CancelAsync();
            }
        }

        foreach (var task in tasks)
        {
            if (TaskFinalizer.IsDeleting(task))
            {
                await ReleaseAsync(task);
                continue;
            }

            if (task.Status?.Phase is null)
            {
                await AcceptAsync(task, cancellationToken);
            }

            if (_active.TryGetValue(task.Name, out var run) && RunPlanner.CancelRequester(task) is { } by && run.CancelledBy is null)
            {
                run.CancelledBy = by;
                await run.Stop.CancelAsync();
            }

            ExpireIfDue(task, tasks);
        }

        // A Task created since the list above is accepted (Pending, TaskCreated) in the next pass before it starts.
        var current = InScope(store.List<KelosTask>());
        var unaccepted = current.Where(t => t.Status?.Phase is null).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var running = _active.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var decision in RunPlanner.Plan(current, running, options.Value.MaxParallel).Where(d => !unaccepted.Contains(d.TaskName)))
        {
            await ApplyAsync(decision, cancellationToken);
        }
    }

    /// <summary>
    /// A deleted Task waiting for the cleanup finalizer: its run is stopped first (the runtime deletes its Job, and
    /// nothing is written back); once stopped, what it made is removed and the finalizer taken off. The branch lock it
    /// held goes with the run, so the next Task waiting for the branch starts in the next pass.
    /// </summary>
    private async Task ReleaseAsync(KelosTask task)
    {
        if (_active.TryGetValue(task.Name, out var run))
        {
            if (!run.Deleted)
            {
                logger.LogInformation("Task {TaskName} was deleted while running; stopping it", task.Name);
                run.Deleted = true;
                await run.Stop.CancelAsync();
            }

            return;
        }

        try
        {
            _finalizer.Finish(task.Name, task.Metadata.Uid);
            logger.LogInformation("Task {TaskName} deleted: cleaned up what it made", task.Name);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The other Tasks of this pass are reconciled all the same; the cleanup is tried again in the next pass.
            logger.LogWarning("Task {TaskName} was deleted but what it made could not be removed yet: {Reason}", task.Name, e.Message);
        }
    }

    /// <summary>The Tasks this controller decides for (all, or one Task and its dependencies), plus every finished one.</summary>
    private IReadOnlyList<KelosTask> InScope(IReadOnlyList<KelosTask> tasks)
    {
        if (options.Value.OnlyTask is not { } only)
        {
            return tasks;
        }

        var scope = TaskClosure.Of(only, tasks);
        return tasks.Where(t => scope.Contains(t.Name) || TaskPhase.IsFinished(t.Status?.Phase)).ToList();
    }

    private async Task AcceptAsync(KelosTask task, CancellationToken cancellationToken)
    {
        var accepted = store.Update<KelosTask>(task.Name, t =>
        {
            if (t.Status?.Phase is not null)
            {
                return false;
            }

            t.Status = new KelosTaskStatus { Phase = TaskPhase.Pending, Message = "Accepted" };
            _finalizer.Add(t);
            return true;
        });
        if (accepted is not null)
        {
            await bus.Publish(new TaskCreated(task.Name, task.Spec.Type ?? "", time.GetUtcNow()), cancellationToken);
        }
    }

    /// <summary>
    /// Deletes a finished Task whose TTL passed — unless an unfinished Task still depends on it (it needs the
    /// results), or it is the Task a <c>kelos run</c> is showing (it must see the end first).
    /// </summary>
    private void ExpireIfDue(KelosTask task, IReadOnlyList<KelosTask> tasks)
    {
        if (task.Spec.TtlSecondsAfterFinished is not { } ttl || !TaskPhase.IsFinished(task.Status?.Phase)
            || task.Status?.CompletionTime is not { } done || _active.ContainsKey(task.Name) || task.Name == options.Value.OnlyTask
            || tasks.Any(t => !TaskPhase.IsFinished(t.Status?.Phase) && (t.Spec.DependsOn?.Contains(task.Name) ?? false)))
        {
            return;
        }

        if (done.AddSeconds(ttl) <= time.GetUtcNow() && store.Delete(ResourceKinds.Task, task.Name))
        {
            runtime.Forget(task.Name);
            logger.LogInformation("Task {TaskName} deleted: its ttlSecondsAfterFinished of {Ttl} s passed", task.Name, ttl);
        }
    }

    private async Task ApplyAsync(TaskDecision decision, CancellationToken cancellationToken)
    {
        switch (decision.Action)
        {
            case TaskAction.Wait:
                await status.WaitingAsync(decision.TaskName, decision.Message, cancellationToken);
                break;
            case TaskAction.Fail:
                await status.FailedAsync(decision.TaskName, decision.Message, cancellationToken);
                break;
            case TaskAction.Cancel:
                await status.CancelledAsync(decision.TaskName, decision.Message, cancellationToken);
                break;
            case TaskAction.Start:
                await StartAsync(decision.TaskName, cancellationToken);
                break;
        }
    }

    /// <param name="reattach">The Task is already Running on a runtime whose runs survive restarts: follow it again.</param>
    private async Task StartAsync(string name, CancellationToken cancellationToken, bool reattach = false)
    {
        var task = store.Find<KelosTask>(name);
        if (task is null || TaskFinalizer.IsDeleting(task))
        {
            // Deleted since the pass listed it: no Job, no token; the next pass finishes the cleanup.
            return;
        }

        var (request, problem) = RunRequestBuilder.Build(task, store);
        if (request is null)
        {
            if (reattach)
            {
                runtime.CleanUpAfterCrash(name);
            }

            await status.FailedAsync(name, problem!, cancellationToken);
            return;
        }

        var run = new ActiveRun(task.Metadata.Uid);
        _active[name] = run;
        if (!reattach)
        {
            await status.RunningAsync(task, cancellationToken);
            logger.LogInformation("Task {TaskName} started ({AgentType})", name, task.Spec.Type);
        }

        request = request with { Detach = cancellationToken };
        run.Completion = Task.Run(() => RunAsync(request, run), CancellationToken.None);
    }

    private async Task RunAsync(TaskRunRequest request, ActiveRun run)
    {
        var name = request.Task.Name;
        try
        {
            var result = await runtime.RunAsync(request, run.Stop.Token);
            if (run.Deleted)
            {
                runtime.Forget(name);
                return;
            }

            await RecordAsync(name, result, run);
        }
        catch (OperationCanceledException) when (request.Detach.IsCancellationRequested && !run.Stop.IsCancellationRequested)
        {
            logger.LogInformation("Task {TaskName} goes on without this controller", name);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Task {TaskName} failed in the runtime", name);
            await status.FailedAsync(name, "Kelos failed to run the Task: " + e.Message, CancellationToken.None, uid: run.Uid);
        }
        finally
        {
            _active.TryRemove(name, out _);
            _wake.TrySetResult();
        }
    }

    private async Task RecordAsync(string name, TaskRunResult result, ActiveRun run)
    {
        logger.LogInformation("Task {TaskName} ended {Outcome}: {Message}", name, result.Outcome, result.Message);
        switch (result.Outcome)
        {
            case TaskRunOutcome.Succeeded:
                await status.SucceededAsync(name, result, CancellationToken.None, run.Uid);
                break;
            case TaskRunOutcome.Cancelled when run.CancelledBy is not null:
                await status.CancelledAsync(name, run.CancelledBy, CancellationToken.None, run.Uid);
                break;
            case TaskRunOutcome.Cancelled:
                await status.FailedAsync(name, ShutdownMessage, CancellationToken.None, result, run.Uid);
                break;
            default:
                await status.FailedAsync(name, result.Message, CancellationToken.None, result, run.Uid);
                break;
        }
    }

}
