using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Kelos.Core.Loading.Schema;

/// <summary>A field of an object shape: its JSON name and the rules its attributes state.</summary>
internal sealed class PropertyShape(string jsonName, PropertyInfo property)
{
    public string JsonName { get; } = jsonName;

    public TypeShape Shape => TypeShape.Of(property.PropertyType);

    public bool Required { get; } = property.GetCustomAttribute<RequiredAttribute>() is not null;

    /// <summary>The values [AllowedValues] permits, or null.</summary>
    public IReadOnlyList<string>? AllowedValues { get; } =
        property.GetCustomAttribute<AllowedValuesAttribute>()?.Values.Select(v => v?.ToString() ?? "null").ToList();

    public RangeAttribute? Range { get; } = property.GetCustomAttribute<RangeAttribute>();
}
