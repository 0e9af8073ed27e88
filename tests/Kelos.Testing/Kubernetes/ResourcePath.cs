namespace Kelos.Testing.Kubernetes;

/// <summary>
/// A request path taken apart: <c>/api/v1/…</c> (core) or <c>/apis/{group}/{version}/…</c>, then optionally
/// <c>namespaces/{ns}/</c>, the resource, a name and a subresource (<c>status</c>, <c>log</c>).
/// </summary>
internal sealed record ResourcePath(ResourceType Type, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>The parsed path, or null when it names nothing the stand-in serves (the server answers 404).</summary>
    public static ResourcePath? Parse(string path)
    {
        var segments = path.Trim('/').Split('/');
        string group;
        string version;
        int at;
        if (segments is ["api", var coreVersion, ..])
        {
            (group, version, at) = ("", coreVersion, 2);
        }
        else if (segments is ["apis", var apiGroup, var apiVersion, ..])
        {
            (group, version, at) = (apiGroup, apiVersion, 3);
        }
        else
        {
            return null;
        }

        var rest = segments[at..];
        string? ns = null;
        if (rest is ["namespaces", var namespaceName, _, ..])
        {
            ns = namespaceName;
            rest = rest[2..];
        }

        if (rest.Length is 0 or > 3 || rest.Any(s => s.Length == 0))
        {
            return null;
        }

        var type = ResourceTypes.Find(group, version, rest[0]);
        if (type is null)
        {
            return null;
        }

        var name = rest.Length > 1 ? Uri.UnescapeDataString(rest[1]) : null;
        var subresource = rest.Length > 2 ? rest[2] : null;
        if (subresource is not (null or "status") && !(subresource == "log" && type == ResourceTypes.Pods))
        {
            return null;
        }

        if (subresource == "status" && !type.HasStatus)
        {
            return null;
        }

        if (!type.Namespaced && ns is not null)
        {
            return null;
        }

        return new ResourcePath(type, ns, name, subresource);
    }

    /// <summary>The object's key; only for paths with a name (and a namespace, for namespaced kinds). Cluster-scoped objects live in namespace "".</summary>
    public ObjectKey Key => new(Type, Namespace ?? "", Name!);
}
