using System.Globalization;
using System.Text.Json.Nodes;
using Kelos.Core.Resources;
using Kelos.Core.Store;

namespace Kelos.Runtime.Local.State;

/// <summary>
/// The embedded store: one JSON file per resource under the state directory. Every write happens under the
/// store lock and is atomic, so several <c>kelos</c> processes (a server and the CLI) can share it and a
/// <c>kill -9</c> at any moment loses nothing that was written.
/// </summary>
public sealed class FileResourceStore : IResourceStore
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly StateDirectory _state;
    private readonly TimeProvider _time;

    public FileResourceStore(StateDirectory state, TimeProvider time)
    {
        _state = state;
        _time = time;
        _state.EnsureCreated();
    }

    public long Generation
    {
        get
        {
            try
            {
                return long.Parse(File.ReadAllText(_state.GenerationFile), CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or FormatException)
            {
                return 0;
            }
        }
    }

    public IReadOnlyList<T> List<T>() where T : KelosResource
    {
        var dir = KindDirectory(KindOf<T>());
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var items = new List<T>();
        foreach (var file in Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            var item = ReadFile<T>(file);
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return items;
    }

    public T? Find<T>(string name) where T : KelosResource => ReadFile<T>(FileOf(KindOf<T>(), name));

    public IReadOnlyList<ApplyOutcome> Apply(IReadOnlyList<KelosResource> resources)
    {
        using var _ = Lock();

        // Decide everything first: one refused resource (a changed Task spec) means none is written.
        var plan = resources.Select(r => (Resource: r, Merged: Plan(r))).ToList();
        var outcomes = new List<ApplyOutcome>();
        foreach (var (resource, merged) in plan)
        {
            if (merged.Outcome != ApplyOutcome.Unchanged)
            {
                Write(Stamp(merged.Resource!, isNew: merged.Outcome == ApplyOutcome.Created));
            }

            outcomes.Add(merged.Outcome);
        }

        return outcomes;
    }

    private (ApplyOutcome Outcome, KelosResource? Resource) Plan(KelosResource resource)
    {
        var path = FileOf(resource.Kind, resource.Name);
        if (!File.Exists(path))
        {
            return (ApplyOutcome.Created, ResourceJson.Deserialize(ResourceJson.Serialize(resource)));
        }

        var merged = ResourceSpecMerge.Merge(ResourceJson.Deserialize(File.ReadAllText(path)), resource);
        return merged is null ? (ApplyOutcome.Unchanged, null) : (ApplyOutcome.Configured, merged);
    }

    public bool Create(KelosResource resource)
    {
        using var _ = Lock();
        if (File.Exists(FileOf(resource.Kind, resource.Name)))
        {
            return false;
        }

        Write(Stamp(ResourceJson.Deserialize(ResourceJson.Serialize(resource)), isNew: true));
        return true;
    }

    public T? Update<T>(string name, Func<T, bool> change) where T : KelosResource
    {
        using var _ = Lock();
        var current = ReadFile<T>(FileOf(KindOf<T>(), name));
        if (current is null)
        {
            return null;
        }

        if (change(current))
        {
            Write(Stamp(current, isNew: false));
        }

        return current;
    }

    public bool Delete(string kind, string name)
    {
        using var _ = Lock();
        var path = FileOf(kind, name);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        BumpGeneration();
        return true;
    }

    public async Task WaitForChangeAsync(long seen, TimeSpan atMost, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + atMost;
        while (Generation <= seen && _time.GetUtcNow() < deadline)
        {
            await Task.Delay(PollInterval, _time, cancellationToken);
        }
    }

    private FileLock Lock() => FileLock.Acquire(_state.StoreLockFile, LockTimeout);

    private KelosResource Stamp(KelosResource resource, bool isNew)
    {
        var generation = BumpGeneration();
        if (isNew)
        {
            resource.Metadata.Uid = Guid.NewGuid().ToString();
            resource.Metadata.CreationTimestamp = _time.GetUtcNow().UtcDateTime;
            resource.Metadata.Generation = 1;
        }

        resource.Metadata.ResourceVersion = generation.ToString(CultureInfo.InvariantCulture);
        return resource;
    }

    private void Write(KelosResource resource)
    {
        var dir = KindDirectory(resource.Kind);
        Directory.CreateDirectory(dir);
        var isSecret = resource.Kind == ResourceKinds.Secret;
        AtomicFile.WriteAllText(FileOf(resource.Kind, resource.Name), ResourceJson.Serialize(resource), isSecret ? OwnerOnly : null);
    }

    private long BumpGeneration()
    {
        var next = Generation + 1;
        AtomicFile.WriteAllText(_state.GenerationFile, next.ToString(CultureInfo.InvariantCulture));
        return next;
    }

    private static T? ReadFile<T>(string path) where T : KelosResource
    {
        try
        {
            return ResourceJson.Deserialize<T>(File.ReadAllText(path));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (System.Text.Json.JsonException)
        {
            // A file someone broke by hand: it is not a resource; the others stay readable.
            return null;
        }
    }

    private string KindDirectory(string kind) => kind == ResourceKinds.Secret
        ? _state.SecretsRoot
        : Path.Combine(_state.ResourcesRoot, kind.ToLowerInvariant() + "s");

    private string FileOf(string kind, string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('/', StringComparison.Ordinal) || name.StartsWith('.'))
        {
            throw new ArgumentException($"invalid resource name \"{name}\"", nameof(name));
        }

        return Path.Combine(KindDirectory(kind), name + ".json");
    }

    private static string KindOf<T>() where T : KelosResource =>
        ResourceKinds.Types.First(pair => pair.Value == typeof(T)).Key;
}
