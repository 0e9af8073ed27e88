namespace Kelos.Testing.Kubernetes;

/// <summary>Where an object is stored: its resource type, namespace and name.</summary>
internal readonly record struct ObjectKey(ResourceType Type, string Namespace, string Name)
{
    /// <summary>The order the API server lists in (etcd key order): namespace, then name.</summary>
    public static IComparer<ObjectKey> ListOrder { get; } = Comparer<ObjectKey>.Create((a, b) =>
    {
        var byNamespace = string.CompareOrdinal(a.Namespace, b.Namespace);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(a.Name, b.Name);
    });

    public override string ToString() => $"{Type}/{Namespace}/{Name}";
}
