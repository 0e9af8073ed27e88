namespace Kelos.Testing.Kubernetes;

/// <summary>How a <see cref="KubernetesStandIn"/> behaves.</summary>
public sealed class KubernetesStandInOptions
{
    /// <summary>The clock for creationTimestamp, deletionTimestamp and Pod/Job times.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How many recent changes (all resources together) a watch can resume from. A watch from an older resourceVersion
    /// gets an ERROR event with 410 Expired, as from an API server whose watch cache has moved on.
    /// </summary>
    public int HistoryLimit { get; init; } = 1000;

    /// <summary>Whether created Jobs get a Pod and mirror its phase into their status (see the README).</summary>
    public bool RunJobController { get; init; } = true;

    /// <summary>How often a watch that allows bookmarks gets one (the real server: about a minute).</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromMinutes(1);
}
