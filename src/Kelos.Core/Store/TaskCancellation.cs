using Kelos.Core.Resources;

namespace Kelos.Core.Store;

/// <summary>What a cancel request found.</summary>
public enum CancelOutcome
{
    Requested,
    AlreadyRequested,
    AlreadyFinished,
    NotFound,
}

/// <summary>
/// A cancel is a request written on the Task (an annotation), so it works from any process: the controller
/// that runs the Task sees it and stops the run. The one place both <c>kelos cancel</c> and the bus go through.
/// </summary>
public static class TaskCancellation
{
    public static CancelOutcome Request(IResourceStore store, string taskName, string requestedBy)
    {
        var outcome = CancelOutcome.NotFound;
        store.Update<KelosTask>(taskName, task =>
        {
            if (TaskPhase.IsFinished(task.Status?.Phase))
            {
                outcome = CancelOutcome.AlreadyFinished;
                return false;
            }

            task.Metadata.Annotations ??= new Dictionary<string, string>();
            if (task.Metadata.Annotations.ContainsKey(KelosAnnotations.CancelRequestedBy))
            {
                outcome = CancelOutcome.AlreadyRequested;
                return false;
            }

            task.Metadata.Annotations[KelosAnnotations.CancelRequestedBy] = requestedBy;
            outcome = CancelOutcome.Requested;
            return true;
        });
        return outcome;
    }
}
