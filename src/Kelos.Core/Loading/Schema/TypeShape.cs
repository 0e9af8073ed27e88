using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;

namespace Kelos.Core.Loading.Schema;

/// <summary>
/// What YAML a C# type accepts, read by reflection once per type: scalars, lists, maps with string keys, or objects
/// whose fields are the properties' <c>[JsonPropertyName]</c> names (camelCase otherwise). Works for the Kelos
/// resource types and for the Kubernetes model types they embed.
/// </summary>
internal sealed class TypeShape
{
    private static readonly ConcurrentDictionary<Type, TypeShape> Cache = new();

    private readonly Lazy<IReadOnlyDictionary<string, PropertyShape>> properties;

    private TypeShape(Type type, ShapeKind kind, Type? element)
    {
        ClrType = type;
        Kind = kind;
        ElementType = element;
        properties = new Lazy<IReadOnlyDictionary<string, PropertyShape>>(() => ReadProperties(type));
    }

    public Type ClrType { get; }

    public ShapeKind Kind { get; }

    /// <summary>The item type of a list, or the value type of a map.</summary>
    public TypeShape Element => TypeShape.Of(ElementType ?? typeof(object));

    /// <summary>The fields of an object, by JSON name, in declaration order.</summary>
    public IReadOnlyDictionary<string, PropertyShape> Properties => properties.Value;

    private Type? ElementType { get; }

    public static TypeShape Of(Type type) => Cache.GetOrAdd(type, Create);

    /// <summary>The smallest and largest value an integer type holds.</summary>
    public (decimal Min, decimal Max) IntegerRange() => (Nullable.GetUnderlyingType(ClrType) ?? ClrType) switch
    {
        var t when t == typeof(int) => (int.MinValue, int.MaxValue),
        var t when t == typeof(short) => (short.MinValue, short.MaxValue),
        var t when t == typeof(byte) => (byte.MinValue, byte.MaxValue),
        var t when t == typeof(uint) => (uint.MinValue, uint.MaxValue),
        var t when t == typeof(ulong) => (ulong.MinValue, ulong.MaxValue),
        _ => (long.MinValue, long.MaxValue),
    };

    private static TypeShape Create(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string) || t.IsEnum)
        {
            return new TypeShape(type, ShapeKind.String, null);
        }

        if (t == typeof(bool))
        {
            return new TypeShape(type, ShapeKind.Boolean, null);
        }

        if (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) || t == typeof(uint) || t == typeof(ulong))
        {
            return new TypeShape(type, ShapeKind.Integer, null);
        }

        if (t == typeof(double) || t == typeof(float) || t == typeof(decimal))
        {
            return new TypeShape(type, ShapeKind.Number, null);
        }

        var scalar = ScalarKindOf(t);
        if (scalar is not null)
        {
            return new TypeShape(type, scalar.Value, null);
        }

        var map = DictionaryValueType(t);
        if (map is not null)
        {
            return new TypeShape(type, ShapeKind.Map, map);
        }

        var list = ListItemType(t);
        return list is not null ? new TypeShape(type, ShapeKind.List, list) : new TypeShape(type, ShapeKind.Object, null);
    }

    private static ShapeKind? ScalarKindOf(Type t)
    {
        if (t == typeof(ResourceQuantity))
        {
            return ShapeKind.Quantity;
        }

        if (t == typeof(IntOrString))
        {
            return ShapeKind.IntOrString;
        }

        if (t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeSpan))
        {
            return ShapeKind.Timestamp;
        }

        if (t == typeof(byte[]))
        {
            return ShapeKind.Bytes;
        }

        return t == typeof(JsonElement) || t == typeof(object) ? ShapeKind.Any : null;
    }

    private static Type? DictionaryValueType(Type t)
    {
        var dictionary = t.IsGenericType && t.GetGenericTypeDefinition() is var d
            && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)) ? t : null;
        dictionary ??= t.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary is not null && dictionary.GetGenericArguments()[0] == typeof(string) ? dictionary.GetGenericArguments()[1] : null;
    }

    private static Type? ListItemType(Type t)
    {
        if (t.IsArray)
        {
            return t.GetElementType();
        }

        var enumerable = t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? t
            : t.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static Dictionary<string, PropertyShape> ReadProperties(Type type)
    {
        var result = new Dictionary<string, PropertyShape>(StringComparer.Ordinal);
        foreach (var property in DeclarationOrder(type))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            var attribute = property.GetCustomAttribute<JsonPropertyNameAttribute>();
            if (attribute is null && !property.CanWrite)
            {
                continue;
            }

            var name = attribute?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            result.TryAdd(name, new PropertyShape(name, property));
        }

        return result;
    }

    /// <summary>Base-class properties first (apiVersion, kind, metadata before spec).</summary>
    private static IEnumerable<PropertyInfo> DeclarationOrder(Type type)
    {
        var chain = new Stack<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            chain.Push(t);
        }

        return chain.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly));
    }
}
