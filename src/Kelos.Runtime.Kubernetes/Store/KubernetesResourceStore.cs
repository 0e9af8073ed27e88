using System.Text.Json.Nodes;
using k8s;
using Kelos.Core.Resources;
using Kelos.Core.Store;
using Kelos.Runtime.Kubernetes.Api;
using Microsoft.Extensions.Logging;

namespace Kelos.Runtime.Kubernetes.Store;

/// <summary>
/// Cluster mode's store: the Kelos resources as custom resources (and Secrets as core Secrets) in one namespace,
/// read and written straight on the API server, so whatever <c>kubectl</c> did is seen at once. Updates are
/// read-modify-write on the <c>resourceVersion</c>: a 409 re-reads and applies the change again; the status goes
/// through the status subresource, metadata and spec through a normal update. <see cref="Generation"/> grows with
/// every change a watch on Tasks reports (see <see cref="TaskWatch"/>) and every write made here.
/// </summary>
/// <remarks>
/// <see cref="IResourceStore"/> is synchronous (the file store is), so calls block on the client's async methods;
/// they run on the thread pool, never under a synchronization context.
/// </remarks>
public sealed class KubernetesResourceStore : IResourceStore, IAsyncDisposable
{
    private const int MaxConflictRetries = 10;

    private readonly ResourceRoutes _routes;
    private readonly TaskWatch _watch;
    private long _generation;
    private TaskCompletionSource _changed = NewSignal();

    public KubernetesResourceStore(IKubernetes client, string @namespace, TimeProvider time, ILogger<KubernetesResourceStore> logger)
    {
        var retry = new ApiRetry(time);
        _routes = new ResourceRoutes(client, @namespace, retry);
        _watch = TaskWatch.Start(client, @namespace, retry, time, logger, Bump);
    }

    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The API server keeps a deleted object with finalizers until they are removed.</summary>
    public bool HonoursFinalizers => true;

    /// <summary>How many times the Task watch started over from a fresh list (a 410 Gone, or the first start).</summary>
    public int Relists => _watch.Relists;

    public IReadOnlyList<T> List<T>() where T : KelosResource =>
        [.. Block(t => _routes.ListAsync(KindOf<T>(), t)).Items.Cast<T>().OrderBy(r => r.Name, StringComparer.Ordinal)];

    public T? Find<T>(string name) where T : KelosResource => Block(t => _routes.GetAsync(KindOf<T>(), name, t)) as T;

    public bool Create(KelosResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        try
        {
            Block(t => _routes.CreateAsync(resource, t));
        }
        catch (Exception e) when (ApiErrors.IsConflict(e))
        {
            return false;
        }

        Bump();
        return true;
    }

    public T? Update<T>(string name, Func<T, bool> change) where T : KelosResource
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            if (Find<T>(name) is not { } current)
            {
                return null;
            }

            var before = JsonNode.Parse(ResourceJson.Serialize(current))!.AsObject();
            if (!change(current))
            {
                return current;
            }

            try
            {
                var stored = Write(current, before);
                Bump();
                return stored;
            }
            catch (Exception e) when (ApiErrors.IsConflict(e) && attempt < MaxConflictRetries)
            {
                // Someone wrote in between: read again and apply the change to what is there now.
            }
        }
    }

    /// <summary>Writes what changed: metadata and spec by a normal update, the status by the status subresource.</summary>
    private T Write<T>(T changed, JsonObject before) where T : KelosResource
    {
        var after = JsonNode.Parse(ResourceJson.Serialize(changed))!.AsObject();
        var statusBefore = before["status"];
        var statusAfter = after["status"];
        before.Remove("status");
        after.Remove("status");
        KelosResource stored = changed;
        if (!JsonNode.DeepEquals(before, after) || !ResourceRoutes.HasStatus(changed.Kind))
        {
            stored = Block(t => _routes.ReplaceAsync(changed, t));
        }

        if (ResourceRoutes.HasStatus(changed.Kind) && !JsonNode.DeepEquals(statusBefore, statusAfter))
        {
            var withStatus = ResourceJson.Deserialize<T>(ResourceJson.Serialize(stored));
            var node = JsonNode.Parse(ResourceJson.Serialize(withStatus))!.AsObject();
            node["status"] = statusAfter?.DeepClone();
            stored = Block(t => _routes.ReplaceStatusAsync(ResourceJson.Deserialize(node.ToJsonString()), t));
        }

        return (T)stored;
    }

    public IReadOnlyList<ApplyOutcome> Apply(IReadOnlyList<KelosResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);

        // Decide everything first: one refused resource (a changed Task spec) means none is written.
        var plan = resources.Select((Func<KelosResource, (ApplyOutcome Outcome, KelosResource Resource)>)(resource =>
        {
            var stored = Block(t => _routes.GetAsync(resource.Kind, resource.Name, t));
            return stored is null
                ? (ApplyOutcome.Created, resource)
                : ResourceSpecMerge.Merge(stored, resource) is { } merged ? (ApplyOutcome.Configured, merged) : (ApplyOutcome.Unchanged, stored);
        })).ToList();

        foreach (var (outcome, resource) in plan)
        {
            try
            {
                switch (outcome)
                {
                    case ApplyOutcome.Created:
                        Block(t => _routes.CreateAsync(resource, t));
                        break;
                    case ApplyOutcome.Configured:
                        Block(t => _routes.ReplaceAsync(resource, t));
                        break;
                }
            }
            catch (Exception e) when (ApiErrors.IsConflict(e))
            {
                throw new ResourceConflictException($"{resource.Kind} \"{resource.Name}\" changed on the cluster while it was applied; apply again");
            }

            Bump();
        }

        return [.. plan.Select(p => p.Outcome)];
    }

    public bool Delete(string kind, string name)
    {
        var deleted = Block(t => _routes.DeleteAsync(kind, name, t));
        if (deleted)
        {
            Bump();
        }

        return deleted;
    }

    public async Task WaitForChangeAsync(long seen, TimeSpan atMost, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(atMost);
        try
        {
            while (Generation <= seen)
            {
                await Volatile.Read(ref _changed).Task.WaitAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // atMost passed with no change: the caller looks again anyway.
        }
    }

    public async ValueTask DisposeAsync() => await _watch.DisposeAsync();

    private void Bump()
    {
        Interlocked.Increment(ref _generation);
        Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static T Block<T>(Func<CancellationToken, Task<T>> call) => Task.Run(() => call(CancellationToken.None)).GetAwaiter().GetResult();

    private static string KindOf<T>() where T : KelosResource =>
        ResourceKinds.Types.First(pair => pair.Value == typeof(T)).Key;
}
