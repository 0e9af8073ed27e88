using System.Text.Json.Nodes;
using k8s.Models;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// Test helpers that play the kubelet and the job controller: move a Pod through its life (each step is an ordinary
/// status update: a new resourceVersion, MODIFIED to watches, the owning Job's status mirrored), and give containers logs.
/// </summary>
public sealed partial class KubernetesStandIn
{
    /// <summary>
    /// Pending, with <paramref name="container"/> (default: the first container) waiting for <paramref name="reason"/>, e.g.
    /// <c>ImagePullBackOff</c>, <c>ErrImagePull</c>, <c>CreateContainerConfigError</c>. Naming an init container keeps the
    /// main containers at <c>PodInitializing</c>.
    /// </summary>
    public V1Pod SetPodWaiting(string ns, string pod, string reason, string? message = null, string? container = null) =>
        WritePodStatus(ns, pod, (obj, now) => PodStatusWriter.Waiting(obj, now, Container(obj, container), reason, message));

    /// <summary>Running: init containers completed, every container running and ready.</summary>
    public V1Pod SetPodRunning(string ns, string pod) => WritePodStatus(ns, pod, PodStatusWriter.Running);

    /// <summary>Succeeded: every container terminated with exit code 0 (<c>Completed</c>).</summary>
    public V1Pod SetPodSucceeded(string ns, string pod) => WritePodStatus(ns, pod, PodStatusWriter.Succeeded);

    /// <summary>
    /// Failed: <paramref name="container"/> (default: the first container) terminated with <paramref name="exitCode"/> and
    /// <paramref name="reason"/> (<c>Error</c>, or <c>OOMKilled</c> with 137, …); other containers completed.
    /// </summary>
    public V1Pod SetPodFailed(string ns, string pod, int exitCode = 1, string reason = "Error", string? container = null, string? message = null) =>
        WritePodStatus(ns, pod, (obj, now) => PodStatusWriter.Failed(obj, now, Container(obj, container), exitCode, reason, message));

    /// <summary>Failed in init container <paramref name="initContainer"/>: it terminated with the exit code; nothing after it ran.</summary>
    public V1Pod FailInitContainer(string ns, string pod, string initContainer, int exitCode = 1, string reason = "Error") =>
        WritePodStatus(ns, pod, (obj, now) => PodStatusWriter.InitFailed(obj, now, InitContainer(obj, initContainer), exitCode, reason, null));

    /// <summary>Failed by eviction: <c>status.reason</c> <c>Evicted</c> and <paramref name="message"/>, as the kubelet writes it.</summary>
    public V1Pod EvictPod(string ns, string pod, string message = "The node was low on resource: memory.") =>
        WritePodStatus(ns, pod, (obj, now) => PodStatusWriter.Evicted(obj, now, message));

    /// <summary>
    /// Fails a Job for exceeding <c>activeDeadlineSeconds</c>, as the job controller does: conditions FailureTarget and
    /// Failed with reason <c>DeadlineExceeded</c>, its running Pods deleted (and counted failed).
    /// </summary>
    public V1Job ExceedJobDeadline(string ns, string job) => Locked(() =>
    {
        var key = new ObjectKey(ResourceTypes.Jobs, ns, job);
        JobController.ExceedDeadline(_state.Store, key);
        return Typed<V1Job>(_state.Store.Require(key));
    });

    /// <summary>The Pods a Job owns, oldest first.</summary>
    public IReadOnlyList<V1Pod> JobPods(string ns, string job) => Locked(() =>
    {
        var owner = _state.Store.Require(new ObjectKey(ResourceTypes.Jobs, ns, job));
        return _state.Store.Dependents(ns, owner.Uid() ?? "")
            .Where(p => p.Key.Type == ResourceTypes.Pods)
            .OrderBy(p => _state.Store.CreatedAt(p.Key))
            .Select(p => Typed<V1Pod>(p.Object))
            .ToList();
    });

    /// <summary>
    /// Sets what <c>kubectl logs</c> shows for a container (readable once the container has started). Followers get
    /// what is new.
    /// </summary>
    public void SetPodLog(string ns, string pod, string container, string text) =>
        Locked(() =>
        {
            _state.Logs.Set(ns, pod, container, text);
            return 0;
        });

    /// <summary>Appends to a container's log; followers get it at once.</summary>
    public void AppendPodLog(string ns, string pod, string container, string text) =>
        Locked(() =>
        {
            _state.Logs.Append(ns, pod, container, text);
            return 0;
        });

    private V1Pod WritePodStatus(string ns, string pod, Func<JsonObject, DateTimeOffset, JsonObject> status) => Locked(() =>
    {
        var key = new ObjectKey(ResourceTypes.Pods, ns, pod);
        var next = _state.Store.Require(key).DeepClone().AsObject();
        next["status"] = status(next, _state.Store.Now);
        return Typed<V1Pod>(_state.Store.Update(key, next, statusOnly: true));
    });

    private static string Container(JsonObject pod, string? container)
    {
        var names = PodContainers.Names(pod).Concat(PodContainers.Names(pod, "initContainers")).ToList();
        return container is null ? PodContainers.Names(pod).First()
            : names.Contains(container) ? container
            : throw new ArgumentException($"Pod {pod.Name()} has no container {container}.", nameof(container));
    }

    private static string InitContainer(JsonObject pod, string container) =>
        PodContainers.IsInit(pod, container)
            ? container
            : throw new ArgumentException($"Pod {pod.Name()} has no init container {container}.", nameof(container));
}
