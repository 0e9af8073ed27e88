namespace Kelos.Testing.Kubernetes;

/// <summary>What happens to an object's dependents (objects naming it in <c>ownerReferences</c>) when it is deleted.</summary>
internal enum DeletionPolicy
{
    /// <summary>The owner goes at once; dependents are deleted after it.</summary>
    Background,

    /// <summary>Dependents are deleted first, then the owner.</summary>
    Foreground,

    /// <summary>Dependents stay, without the owner reference. The default for <c>batch/v1</c> Jobs.</summary>
    Orphan,
}
