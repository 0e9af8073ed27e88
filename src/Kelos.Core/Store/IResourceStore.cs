using Kelos.Core.Resources;

namespace Kelos.Core.Store;

/// <summary>
/// Where the resources live: the state directory in embedded mode, the API server in cluster mode.
/// Every write bumps <see cref="Generation"/>, so readers can wait for changes made by other processes.
/// </summary>
public interface IResourceStore
{
    /// <summary>A counter that grows with every write by any process sharing the store.</summary>
    long Generation { get; }

    IReadOnlyList<T> List<T>() where T : KelosResource;

    T? Find<T>(string name) where T : KelosResource;

    /// <summary>
    /// Creates each resource, or updates its spec when it exists; status is never taken from input. All or
    /// nothing: when one is refused (<see cref="ResourceConflictException"/>), none is written.
    /// </summary>
    IReadOnlyList<ApplyOutcome> Apply(IReadOnlyList<KelosResource> resources);

    /// <summary>Creates the resource; false (and nothing written) when one of that kind and name exists.</summary>
    bool Create(KelosResource resource);

    /// <summary>
    /// Reads, changes and writes one resource under the store's lock. <paramref name="change"/> returns false to
    /// leave it as it was. Returns the resource as stored afterwards, or null when it does not exist.
    /// </summary>
    T? Update<T>(string name, Func<T, bool> change) where T : KelosResource;

    bool Delete(string kind, string name);

    /// <summary>
    /// True when deleting a resource that carries finalizers only marks it (<c>metadata.deletionTimestamp</c>) until
    /// they are all removed, as the API server does. The controller then puts <see cref="KelosAnnotations.CleanupFinalizer"/>
    /// on the Tasks it takes, to clean up before a Task goes. False for the state directory, where a delete is final.
    /// </summary>
    bool HonoursFinalizers => false;

    /// <summary>Returns when <see cref="Generation"/> passes <paramref name="seen"/> or after <paramref name="atMost"/>.</summary>
    Task WaitForChangeAsync(long seen, TimeSpan atMost, CancellationToken cancellationToken);
}
