namespace Kelos.Core.Store;

/// <summary>What <see cref="IResourceStore.Apply"/> did, in kubectl's words.</summary>
public enum ApplyOutcome
{
    Created,
    Configured,
    Unchanged,
}
