namespace Kelos.Core.Runtime;

/// <summary>
/// Runs one Task's agent to its end: local processes in embedded mode, a Job in cluster mode. The controller
/// decides when; the runtime decides how.
/// </summary>
public interface ITaskRuntime
{
    /// <summary>
    /// Runs the Task and returns how it ended. Cancelling <paramref name="cancellationToken"/> stops the run
    /// (everything it started) and yields a result with <see cref="TaskRunOutcome.Cancelled"/>.
    /// </summary>
    Task<TaskRunResult> RunAsync(TaskRunRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// True when a run outlives the process that started it (a Job on a cluster). Then the controller, after a
    /// restart, calls <see cref="RunAsync"/> again for a Task it finds Running (the runtime re-attaches to the run
    /// it already has, and never starts a second one); and on shutdown it fires <see cref="TaskRunRequest.Detach"/>
    /// instead of cancelling, leaving the run going. False (embedded mode): a run ends with its process, so a
    /// Task found Running after a restart has failed and <see cref="CleanUpAfterCrash"/> removes what it left.
    /// </summary>
    bool SurvivesRestart => false;

    /// <summary>Stops whatever a previous process left running for this Task (after a crash).</summary>
    void CleanUpAfterCrash(string taskName);

    /// <summary>The Tasks the runtime keeps something for (runs, clones, logs), live or not.</summary>
    IReadOnlyList<string> RunNames();

    /// <summary>Removes what the runtime kept for a deleted Task (clone, logs).</summary>
    void Forget(string taskName);
}
