using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Core.Store;

namespace Kelos.Controller;

/// <summary>
/// The cleanup finalizer (<see cref="KelosAnnotations.CleanupFinalizer"/>) on stores that honour finalizers (the API
/// server): put on a Task when the controller takes it, so a deleted Task stays (with <c>deletionTimestamp</c>) until
/// the controller has stopped its run and the runtime removed what it made; then taken off, and the Task goes.
/// </summary>
internal sealed class TaskFinalizer(IResourceStore store, ITaskRuntime runtime)
{
    /// <summary>True when the Task was deleted and waits for its finalizers.</summary>
    public static bool IsDeleting(KelosTask task) => task.Metadata.DeletionTimestamp is not null;

    /// <summary>Puts the finalizer on a Task being changed (inside a store update); false when nothing changed.</summary>
    public bool Add(KelosTask task)
    {
        if (!store.HonoursFinalizers || IsDeleting(task) || task.Metadata.Finalizers?.Contains(KelosAnnotations.CleanupFinalizer) == true)
        {
            return false;
        }

        task.Metadata.Finalizers = [.. task.Metadata.Finalizers ?? [], KelosAnnotations.CleanupFinalizer];
        return true;
    }

    /// <summary>
    /// For a deleted Task whose run has stopped: the runtime removes what it made for the Task (Job, pods, Secret),
    /// then the finalizer comes off. Only the Task with <paramref name="uid"/>: a new Task under the name is another.
    /// </summary>
    public void Finish(string name, string? uid)
    {
        runtime.Forget(name);
        store.Update<KelosTask>(name, task =>
        {
            if (task.Metadata.Uid != uid || task.Metadata.Finalizers?.Contains(KelosAnnotations.CleanupFinalizer) != true)
            {
                return false;
            }

            task.Metadata.Finalizers = [.. task.Metadata.Finalizers.Where(f => f != KelosAnnotations.CleanupFinalizer)];
            return true;
        });
    }
}
