using System.Text;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// What <c>kubectl logs</c> would show per pod and container, as tests set it. Followers wait on <see cref="Changed"/>,
/// which completes whenever a log grows or a Pod changes (a container that terminates ends a follow). Guarded by the
/// store's lock; a Pod's logs go when the Pod does.
/// </summary>
internal sealed class PodLogs
{
    private readonly Dictionary<(string Namespace, string Pod, string Container), StringBuilder> _logs = [];
    private TaskCompletionSource _changed = NewSignal();

    public PodLogs(ObjectStore store)
    {
        store.Observe(change =>
        {
            if (change.Key.Type != ResourceTypes.Pods)
            {
                return;
            }

            if (change.Type == WatchEvent.Deleted)
            {
                foreach (var key in _logs.Keys.Where(k => k.Namespace == change.Key.Namespace && k.Pod == change.Key.Name).ToList())
                {
                    _logs.Remove(key);
                }
            }

            Signal();
        });
    }

    /// <summary>Completes at the next change; take it under the lock together with what was read.</summary>
    public Task Changed => _changed.Task;

    public string Read(string ns, string pod, string container) =>
        _logs.TryGetValue((ns, pod, container), out var text) ? text.ToString() : "";

    public void Set(string ns, string pod, string container, string text)
    {
        _logs[(ns, pod, container)] = new StringBuilder(text);
        Signal();
    }

    public void Append(string ns, string pod, string container, string text)
    {
        if (!_logs.TryGetValue((ns, pod, container), out var log))
        {
            log = new StringBuilder();
            _logs[(ns, pod, container)] = log;
        }

        log.Append(text);
        Signal();
    }

    private void Signal()
    {
        var current = _changed;
        _changed = NewSignal();
        current.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
