namespace Kelos.Testing.Kubernetes;

/// <summary>The patch formats the API server accepts, told apart by the request's <c>Content-Type</c>.</summary>
internal enum PatchKind
{
    /// <summary><c>application/json-patch+json</c> (RFC 6902).</summary>
    Json,

    /// <summary><c>application/merge-patch+json</c> (RFC 7386).</summary>
    Merge,

    /// <summary><c>application/strategic-merge-patch+json</c>, applied here as a merge patch.</summary>
    StrategicMerge,

    /// <summary><c>application/apply-patch+yaml</c> (server-side apply), applied here as a merge patch that may create.</summary>
    Apply,
}
