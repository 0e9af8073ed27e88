using System.Globalization;
using System.Text.Json.Nodes;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// The stand-in's etcd: every object by <see cref="ObjectKey"/>, one global resourceVersion counter, the window of recent
/// changes that watches resume from, and the open watches. Every method expects the caller to hold <see cref="Gate"/>
/// (a reentrant lock: observers such as the job controller write back while a commit is under way).
/// </summary>
internal sealed partial class ObjectStore(KubernetesStandInOptions options)
{
    private readonly Dictionary<ObjectKey, JsonObject> _objects = [];
    private readonly List<WatchEvent> _history = [];
    private readonly List<WatchSubscription> _watches = [];
    private readonly List<Action<WatchEvent>> _observers = [];
    private readonly Dictionary<ObjectKey, long> _createdAt = [];
    private long _resourceVersion = 1000;

    /// <summary>Watches may resume from any resourceVersion at or after this one.</summary>
    private long _compactedThrough = 1000;

    public Lock Gate { get; } = new();

    public KubernetesStandInOptions Options { get; } = options;

    public long ResourceVersion => _resourceVersion;

    public string ResourceVersionText => _resourceVersion.ToString(CultureInfo.InvariantCulture);

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    /// <summary>Adds something that reacts to every commit, right after it (under the lock).</summary>
    public void Observe(Action<WatchEvent> observer) => _observers.Add(observer);

    public JsonObject? Find(ObjectKey key) => _objects.GetValueOrDefault(key);

    public JsonObject Require(ObjectKey key) => _objects.GetValueOrDefault(key) ?? throw KubernetesStatus.NotFound(key.Type, key.Name);

    /// <summary>The objects of a type, in a namespace or all, in the server's list order.</summary>
    public List<(ObjectKey Key, JsonObject Object)> List(ResourceType type, string? ns) =>
        [.. _objects.Where(p => p.Key.Type == type && (ns is null || p.Key.Namespace == ns))
            .OrderBy(p => p.Key, ObjectKey.ListOrder)
            .Select(p => (p.Key, p.Value))];

    /// <summary>Objects in <paramref name="ns"/> that name <paramref name="uid"/> among their owners.</summary>
    public List<(ObjectKey Key, JsonObject Object)> Dependents(string ns, string uid) =>
        [.. _objects.Where(p => p.Key.Namespace == ns && p.Value.OwnerReferences().Any(r => r.Str("uid") == uid))
            .OrderBy(p => p.Key, ObjectKey.ListOrder)
            .Select(p => (p.Key, p.Value))];

    /// <summary>The resourceVersion an object was created at: orders objects made in the same second.</summary>
    public long CreatedAt(ObjectKey key) => _createdAt.GetValueOrDefault(key);

    public bool ExistsWithUid(string ns, string uid) => _objects.Any(p => p.Key.Namespace == ns && p.Value.Uid() == uid);

    /// <summary>
    /// Opens a watch. From <paramref name="fromVersion"/> null (no resourceVersion, or "0"), it first gets ADDED for every
    /// object it sees; otherwise every kept change after that version. Returns the oldest version it could have resumed
    /// from when <paramref name="fromVersion"/> is older than the kept history (the watch is then not opened).
    /// </summary>
    public long? Subscribe(WatchSubscription watch, long? fromVersion)
    {
        if (fromVersion is null)
        {
            foreach (var (key, obj) in List(watch.Type, null).Where(p => watch.Sees(p.Key, p.Object)))
            {
                watch.Enqueue(WatchEvent.Added, obj);
            }
        }
        else if (fromVersion < _compactedThrough)
        {
            return _compactedThrough + 1;
        }
        else
        {
            foreach (var change in _history.Where(e => e.ResourceVersion > fromVersion))
            {
                watch.Offer(change);
            }
        }

        _watches.Add(watch);
        return null;
    }

    public void Unsubscribe(WatchSubscription watch) => _watches.Remove(watch);

    /// <summary>Ends every open watch, as an API server restart or a dropped connection would.</summary>
    public void CloseWatches()
    {
        foreach (var watch in _watches)
        {
            watch.Close();
        }

        _watches.Clear();
    }

    /// <summary>Sends a BOOKMARK at the current resourceVersion to every watch that allows them.</summary>
    public void Bookmark()
    {
        foreach (var watch in _watches)
        {
            watch.OfferBookmark(_resourceVersion);
        }
    }

    /// <summary>Forgets every kept change: watches from any earlier resourceVersion now get 410.</summary>
    public void CompactHistory()
    {
        _history.Clear();
        _compactedThrough = _resourceVersion;
    }

    /// <summary>Stamps the next resourceVersion, stores (or removes), records the change and tells watches and observers.</summary>
    private JsonObject Commit(string type, ObjectKey key, JsonObject obj, JsonObject? previous)
    {
        _resourceVersion++;
        obj.Metadata()["resourceVersion"] = ResourceVersionText;
        if (type == WatchEvent.Deleted)
        {
            _objects.Remove(key);
            _createdAt.Remove(key);
        }
        else
        {
            _objects[key] = obj;
            _createdAt.TryAdd(key, _resourceVersion);
        }

        var change = new WatchEvent(type, key, obj, previous, _resourceVersion);
        _history.Add(change);
        var excess = _history.Count - Math.Max(0, Options.HistoryLimit);
        if (excess > 0)
        {
            _compactedThrough = _history[excess - 1].ResourceVersion;
            _history.RemoveRange(0, excess);
        }

        foreach (var watch in _watches)
        {
            watch.Offer(change);
        }

        foreach (var observer in _observers)
        {
            observer(change);
        }

        return obj;
    }
}
