using Kelos.Core.Resources;

namespace Kelos.Core.Runtime;

/// <summary>
/// Records a Task's transitions where the people who run the platform look (Kubernetes Events on a cluster, shown by
/// <c>kubectl describe task</c>). Only cluster mode registers one; embedded mode has the Task's status and its log.
/// Recording is best effort: a failure is logged by the recorder and never stops the transition.
/// </summary>
public interface ITaskEventRecorder
{
    /// <param name="task">The Task as stored after the transition (its uid names the object the event is about).</param>
    /// <param name="phase">The phase it moved to (<see cref="TaskPhase"/>).</param>
    /// <param name="message">The status message of the transition (the failure message for Failed).</param>
    Task RecordAsync(KelosTask task, string phase, string message, CancellationToken cancellationToken);
}
