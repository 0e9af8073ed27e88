namespace Kelos.Core.Resources;

/// <summary>Reading a resource's labels and annotations without caring whether the maps exist.</summary>
public static class MetadataExtensions
{
    /// <summary>The annotation's value, or null.</summary>
    public static string? Annotation(this KelosResource resource, string key)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Metadata?.Annotations is { } a && a.TryGetValue(key, out var value) ? value : null;
    }

    /// <summary>The label's value, or null.</summary>
    public static string? Label(this KelosResource resource, string key)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Metadata?.Labels is { } l && l.TryGetValue(key, out var value) ? value : null;
    }
}
