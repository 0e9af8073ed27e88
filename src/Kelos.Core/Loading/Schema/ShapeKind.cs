namespace Kelos.Core.Loading.Schema;

/// <summary>The shape of YAML a C# type expects.</summary>
internal enum ShapeKind
{
    String,
    Integer,
    Number,
    Boolean,

    /// <summary>A Kubernetes quantity (<c>500m</c>, <c>1Gi</c>, <c>2</c>): string or number.</summary>
    Quantity,

    /// <summary>A Kubernetes int-or-string (a port number or name): string or integer.</summary>
    IntOrString,

    /// <summary>A timestamp, written as a string.</summary>
    Timestamp,

    /// <summary>Base64 bytes, written as a string.</summary>
    Bytes,

    /// <summary><see cref="System.Text.Json.JsonElement"/> or <see cref="object"/>: anything.</summary>
    Any,

    List,
    Map,
    Object,
}
