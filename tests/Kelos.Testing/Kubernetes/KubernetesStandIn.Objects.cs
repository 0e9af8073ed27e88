using System.Reflection;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Kelos.Testing.Kubernetes;

/// <summary>Test helpers that read what the stand-in holds, or put objects in as if created through the API.</summary>
public sealed partial class KubernetesStandIn
{
    /// <summary>Every call answered so far, in order.</summary>
    public IReadOnlyList<KubernetesCall> Calls => Locked(() => _state.Calls.ToList());

    /// <summary>The current global resourceVersion (what a list made now would carry).</summary>
    public string ResourceVersion => Locked(() => _state.Store.ResourceVersionText);

    /// <summary>The stored object of a built-in type (<see cref="V1Job"/>, <see cref="V1Pod"/>, …), or null.</summary>
    public T? Get<T>(string ns, string name)
        where T : class, IKubernetesObject
    {
        var type = TypeOf<T>();
        return Locked(() => _state.Store.Find(new ObjectKey(type, ns, name)) is { } obj ? Typed<T>(obj) : null);
    }

    /// <summary>The stored objects of a built-in type, in a namespace or all, in name order.</summary>
    public IReadOnlyList<T> List<T>(string? ns = null)
        where T : class, IKubernetesObject
    {
        var type = TypeOf<T>();
        return Locked(() => _state.Store.List(type, ns).Select(p => Typed<T>(p.Object)).ToList());
    }

    /// <summary>A stored object by <c>apiVersion</c> and plural (e.g. <c>kelos.dev/v1alpha1</c>, <c>tasks</c>) as JSON, or null.</summary>
    public JsonObject? GetObject(string apiVersion, string plural, string ns, string name)
    {
        var type = TypeOf(apiVersion, plural);
        return Locked(() => _state.Store.Find(new ObjectKey(type, ns, name))?.DeepClone().AsObject());
    }

    /// <summary>The stored objects of a type by <c>apiVersion</c> and plural, as JSON, in name order.</summary>
    public IReadOnlyList<JsonObject> ListObjects(string apiVersion, string plural, string? ns = null)
    {
        var type = TypeOf(apiVersion, plural);
        return Locked(() => _state.Store.List(type, ns).Select(p => p.Object.DeepClone().AsObject()).ToList());
    }

    /// <summary>
    /// Creates an object as a POST would (uid, resourceVersion, events to watches, the job controller), in its
    /// <c>metadata.namespace</c> or <c>default</c>. Throws <see cref="StatusException"/> where the server would refuse.
    /// </summary>
    public T Create<T>(T resource)
        where T : class, IKubernetesObject
    {
        var created = CreateObject(KubeJson.Parse(KubernetesJson.Serialize(resource)), TypeOf<T>());
        return Typed<T>(created);
    }

    /// <summary>Creates an object given as JSON (a custom resource, say); its <c>apiVersion</c> and <c>kind</c> pick the type.</summary>
    public JsonObject CreateObject(JsonObject resource)
    {
        var apiVersion = resource.Str("apiVersion") ?? "";
        var kind = resource.Str("kind") ?? "";
        var type = ResourceTypes.FindByKind(apiVersion, kind)
            ?? throw new ArgumentException($"The stand-in does not serve {apiVersion} {kind}.", nameof(resource));
        return CreateObject(resource, type);
    }

    private JsonObject CreateObject(JsonObject resource, ResourceType type)
    {
        var ns = resource.Metadata().Str("namespace") is { Length: > 0 } given ? given : "default";
        return Locked(() => _state.Store.Create(type, ns, resource));
    }

    private static ResourceType TypeOf<T>()
    {
        var entity = typeof(T).GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new ArgumentException($"{typeof(T).Name} carries no [KubernetesEntity].");
        return ResourceTypes.Find(entity.Group ?? "", entity.ApiVersion, entity.PluralName)
            ?? throw new ArgumentException($"The stand-in does not serve {entity.Group}/{entity.ApiVersion} {entity.PluralName}.");
    }

    private static ResourceType TypeOf(string apiVersion, string plural) =>
        ResourceTypes.FindByPlural(apiVersion, plural)
        ?? throw new ArgumentException($"The stand-in does not serve {apiVersion} {plural}.", nameof(plural));

    private static T Typed<T>(JsonObject obj) => KubernetesJson.Deserialize<T>(obj.ToJsonString());

    private T Locked<T>(Func<T> read)
    {
        lock (_state.Gate)
        {
            return read();
        }
    }
}
